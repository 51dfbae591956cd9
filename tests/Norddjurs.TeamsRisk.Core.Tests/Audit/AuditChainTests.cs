using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void The_first_entry_has_seq_1_and_a_prevHash_of_64_zeros()
    {
        var first = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value;

        Assert.Equal(1, first.Seq);
        Assert.Equal(new string('0', 64), first.PrevHash);
        Assert.Equal(new string('0', 64), AuditChain.GenesisHash);
    }

    [Fact]
    public void Each_entry_links_to_the_hash_of_the_one_before()
    {
        var entries = Chain.Build(3);

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Seq));
        Assert.Equal(entries[0].Hash, entries[1].PrevHash);
        Assert.Equal(entries[1].Hash, entries[2].PrevHash);
    }

    [Fact]
    public void The_hash_is_over_the_canonical_entry_without_hash()
    {
        var entry = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value;
        var json = entry.ToJson();

        Assert.Equal(entry.Hash, json["hash"]!.GetValue<string>());
        json.Remove("hash");
        Assert.Equal(CanonicalJson.Sha256Hex(json), entry.Hash);
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_order_of_keys()
    {
        var entry = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value;
        var json = entry.ToJson();
        json.Remove("hash");
        var reversed = new JsonObject([.. json.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);

        Assert.NotEqual(json.ToJsonString(), reversed.ToJsonString());
        Assert.Equal(entry.Hash, CanonicalJson.Sha256Hex(reversed));
    }

    [Fact]
    public void Timestamps_are_UTC_ISO_8601_with_milliseconds()
    {
        var intent = Chain.Intent(1) with { OccurredAt = new DateTimeOffset(2026, 11, 25, 5, 30, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567) };
        var entry = AuditChain.Seal(null, intent, new DateTimeOffset(2026, 11, 25, 4, 30, 1, 9, TimeSpan.Zero)).Value;
        var json = entry.ToJson();

        Assert.Equal("2026-11-25T04:30:00.123Z", json["occurredAt"]!.GetValue<string>());
        Assert.Equal("2026-11-25T04:30:01.009Z", json["recordedAt"]!.GetValue<string>());
    }

    [Fact]
    public void An_entry_written_as_a_JSON_line_reads_back_the_same()
    {
        var intent = Chain.Intent(2, AuditAction.DecisionRecorded) with
        {
            Actor = new AuditActor("oid-2", "bo@norddjurs.dk", "Bo Direktør", ["directorate", "committee"], "oid-9"),
            Context = new AuditContext { ContinuityPlanRef = "PFD-12", ContinuityPlanDate = new DateOnly(2026, 3, 1), CatalogSha256 = new string('a', 64) },
            Decision = new JsonObject { ["treatment"] = "accept", ["caseNumber"] = "24/1234" },
            Before = new JsonObject { ["status"] = "Planlagt" },
            After = new JsonObject { ["status"] = "Igangsat" },
        };
        var entry = AuditChain.Seal(new ChainHead(1, new string('b', 64)), intent, Chain.Start).Value;
        var line = entry.ToJsonLine();

        var back = AuditEntry.Parse(line).Value;

        Assert.DoesNotContain('\n', line);
        Assert.Equal(line, back.ToJsonLine());
        Assert.Equal(entry.Head, back.Head);
        Assert.Equal(entry.Intent.Actor.Roles, back.Intent.Actor.Roles);
        Assert.Equal(entry.Intent.Context, back.Intent.Context);
        Assert.Equal(AuditAction.DecisionRecorded, back.Intent.Action);
        Assert.Equal(entry.Intent.OccurredAt, back.Intent.OccurredAt);
        Assert.Equal(entry.RecordedAt, back.RecordedAt);
    }

    [Fact]
    public void Actions_and_channels_are_written_by_name()
    {
        var json = AuditChain.Seal(null, Chain.Intent(1, AuditAction.ExportGenerated) with { Channel = AuditChannel.Scheduler }, Chain.Start).Value.ToJson();

        Assert.Equal("ExportGenerated", json["action"]!.GetValue<string>());
        Assert.Equal("scheduler", json["channel"]!.GetValue<string>());
    }

    [Fact]
    public void An_action_outside_the_closed_set_is_not_read()
    {
        var json = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value.ToJson();
        json["action"] = "RiskDeleted";

        var parsed = AuditEntry.Parse(json);

        Assert.Equal(AuditErrorCodes.Malformed, Assert.Single(parsed.Errors).Code);
        Assert.Equal("action", parsed.Errors[0].Args["field"]);
    }

    [Fact]
    public void An_action_outside_the_closed_set_is_not_sealed()
    {
        var sealedEntry = AuditChain.Seal(null, Chain.Intent(1) with { Action = (AuditAction)999 }, Chain.Start);

        Assert.Equal(AuditErrorCodes.IntentInvalid, Assert.Single(sealedEntry.Errors).Code);
        Assert.Equal("action", sealedEntry.Errors[0].Args["field"]);
    }

    [Theory]
    [InlineData("entryId")]
    [InlineData("correlationId")]
    [InlineData("actor.objectId")]
    [InlineData("actor.roles")]
    [InlineData("subject.id")]
    public void An_intent_without_a_required_field_is_refused_naming_the_field(string field)
    {
        var intent = Chain.Intent(1);
        intent = field switch
        {
            "entryId" => intent with { EntryId = " " },
            "correlationId" => intent with { CorrelationId = "" },
            "actor.objectId" => intent with { Actor = intent.Actor with { ObjectId = "" } },
            "actor.roles" => intent with { Actor = intent.Actor with { Roles = [] } },
            _ => intent with { Subject = intent.Subject with { Id = "" } },
        };

        var result = AuditChain.Seal(null, intent, Chain.Start);

        Assert.Equal(field, Assert.Single(result.Errors).Args["field"]);
    }

    [Fact]
    public void An_intent_whose_computed_part_has_NaN_is_refused_naming_the_part()
    {
        var intent = Chain.Intent(1) with { Computed = new JsonObject { ["ratio"] = double.PositiveInfinity } };

        var result = AuditChain.Seal(null, intent, Chain.Start);

        Assert.Equal(DomainError.Of(AuditErrorCodes.IntentInvalid, ("field", "computed")), Assert.Single(result.Errors));
    }

    [Fact]
    public void An_intent_with_a_lone_surrogate_in_a_name_is_refused()
    {
        var intent = Chain.Intent(1) with { Actor = Chain.Intent(1).Actor with { DisplayName = "Anne \ud83d" } };

        var result = AuditChain.Seal(null, intent, Chain.Start);

        Assert.Equal(DomainError.Of(AuditErrorCodes.IntentInvalid, ("field", "json")), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_line_with_an_escaped_lone_surrogate_is_malformed_when_read()
    {
        var line = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value.ToJsonLine()
            .Replace("Anne Ejer", "Anne \\udc00", StringComparison.Ordinal);

        var parsed = AuditEntry.Parse(line);

        Assert.Equal("json", Assert.Single(parsed.Errors).Args["field"]);
    }

    [Fact]
    public void A_missing_nested_field_is_reported_with_its_path()
    {
        var json = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value.ToJson();
        json["actor"]!.AsObject().Remove("upn");

        var parsed = AuditEntry.Parse(json);

        Assert.Equal("actor.upn", Assert.Single(parsed.Errors).Args["field"]);
    }

    [Fact]
    public void Every_action_of_the_method_reads_back_by_name()
    {
        var actions = Enum.GetValues<AuditAction>();

        // The 28 actions of risk-method.md §5, plus the four transitions design.md §3 also audits and the
        // coordinator's requeue of a dead letter (design.md §5), and a SharePoint list edit the app refused (design.md §1).
        Assert.Equal(34, actions.Length);
        Assert.Contains(AuditAction.AssessmentOpened, actions);
        Assert.Contains(AuditAction.AssessmentCancelled, actions);
        Assert.Contains(AuditAction.AssessmentSuperseded, actions);
        Assert.Contains(AuditAction.AssessmentDecided, actions);
        Assert.Contains(AuditAction.OutboxMessageRequeued, actions);
        Assert.Contains(AuditAction.ListEditRefused, actions);
        Assert.All(actions, action =>
        {
            var line = AuditChain.Seal(null, Chain.Intent(1, action), Chain.Start).Value.ToJsonLine();
            Assert.Equal(action, AuditEntry.Parse(line).Value.Intent.Action);
        });
    }
}
