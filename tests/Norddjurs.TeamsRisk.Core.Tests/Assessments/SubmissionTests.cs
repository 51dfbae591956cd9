using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class SubmissionTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 20, 9, 15, 30, 123, TimeSpan.FromHours(1));

    private static Assessment Complete()
    {
        var facts = Given.HomeCare with { External = false };
        var a = Given.Profiled(facts);
        foreach (var e in a.SelectedEvents.Select(e => e.EventId).ToList())
        {
            a = a.Scored(e, likelihood: 1, outage: 1).Treated(e, new TreatmentInput("accept", "Lav nok"));
        }

        return a;
    }

    [Fact]
    public void A_new_assessment_lists_every_missing_step_at_once()
    {
        var codes = Completeness.Check(Given.Started(), Given.Method, Given.Catalogue, Given.Today).Select(e => e.Code).ToList();
        Assert.Contains("assessment.facts_not_confirmed", codes);
        Assert.Equal(2, codes.Count(c => c == "profile.missing"));
        Assert.Contains("event.none_selected", codes);
    }

    [Fact]
    public void Every_selected_event_needs_a_score_and_a_treatment()
    {
        var a = Given.Profiled().Scored("CYB-PHISH", 1);
        var errors = Completeness.Check(a, Given.Method, Given.Catalogue, Given.Today);
        Assert.Contains(errors, e => e.Code == "treatment.missing" && e.Args["event"] == "CYB-PHISH");
        Assert.Contains(errors, e => e.Code == "line.not_scored" && e.Args["event"] == "PHY-POWER");
    }

    [Fact]
    public void A_complete_assessment_has_no_completeness_errors()
    {
        Assert.Empty(Completeness.Check(Complete(), Given.Method, Given.Catalogue, Given.Today));
    }

    [Fact]
    public void An_assessment_is_checked_only_with_the_method_it_pinned()
    {
        var other = Given.Method with { Sha256 = new string('a', 64) };
        Assert.Equal("assessment.method_mismatch", Completeness.Check(Complete(), other, Given.Catalogue, Given.Today).Single().Code);
    }

    [Fact]
    public void The_snapshot_pins_method_and_catalogue_and_records_every_input_and_result()
    {
        var snapshot = AssessmentSnapshot.Freeze(Complete(), Given.Method, SubmittedAt, "00000000-0000-0000-0000-0000000000020");
        var doc = snapshot.Document;
        Assert.Equal(Given.Method.Sha256, (string?)doc["method"]!["sha256"]);
        Assert.Equal(Given.Catalogue.Sha256, (string?)doc["catalog"]!["sha256"]);
        Assert.Equal("2026-03-20T08:15:30.123Z", (string?)doc["submittedAt"]);
        var line = doc["lines"]!.AsArray().First(l => (string?)l!["eventId"] == "PHY-POWER")!;
        Assert.Equal(1, (int)line["likelihood"]!);
        Assert.Equal(0.25, (double)line["availability"]!["ratio"]!);
        Assert.Equal("A", (string?)line["consequence"]!["decidingDimension"]);
        Assert.Equal("low", (string?)line["band"]);
        Assert.Equal("accept", (string?)line["treatment"]!["kind"]);
        Assert.Equal(4, (int)doc["profile"]!["C"]!["value"]!);
    }

    [Fact]
    public void The_snapshot_hash_is_the_canonical_SHA_256_and_is_reproducible()
    {
        var first = AssessmentSnapshot.Freeze(Complete(), Given.Method, SubmittedAt, "u");
        var second = AssessmentSnapshot.Freeze(Complete(), Given.Method, SubmittedAt, "u");
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(CanonicalJson.Sha256Hex(first.Document), first.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", first.Sha256);

        var changed = AssessmentSnapshot.Freeze(Complete().Scored("PHY-POWER", 2, 1), Given.Method, SubmittedAt, "u");
        Assert.NotEqual(first.Sha256, changed.Sha256);
    }
}
