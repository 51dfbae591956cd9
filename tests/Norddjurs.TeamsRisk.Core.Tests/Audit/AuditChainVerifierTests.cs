using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    [Fact]
    public void A_chain_of_five_sealed_entries_verifies_with_its_count_and_head()
    {
        var entries = Chain.Build(5);

        var result = AuditChainVerifier.Verify(Chain.Export(entries.Select(e => e.ToJsonLine())), entries[^1].Head);

        Assert.True(result.IsSuccess);
        Assert.Equal(5, result.Value.Count);
        Assert.Equal(entries[^1].Head, result.Value.Head);
    }

    [Fact]
    public void The_sealed_entries_themselves_verify()
    {
        var entries = Chain.Build(5);

        var result = AuditChainVerifier.Verify(entries, entries[^1].Head);

        Assert.Equal(new ChainVerification(5, entries[^1].Head), result.Value);
    }

    [Fact]
    public void An_edited_entry_is_reported_as_a_hash_mismatch_at_its_line()
    {
        var lines = Chain.Lines(5);
        lines[2] = lines[2].Replace("\"points\":8", "\"points\":4", StringComparison.Ordinal);

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.HashMismatch, ("line", 3), ("seq", 3)), error);
    }

    [Fact]
    public void An_edit_to_a_field_this_version_does_not_know_is_still_seen()
    {
        var lines = Chain.Lines(3);
        var json = JsonNode.Parse(lines[1])!.AsObject();
        json["note"] = "added later";
        lines[1] = json.ToJsonString();

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(AuditErrorCodes.HashMismatch, error.Code);
        Assert.Equal("2", error.Args["line"]);
    }

    [Fact]
    public void An_unknown_field_present_when_sealed_is_covered_by_the_hash_and_verifies()
    {
        var json = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value.ToJson();
        json.Remove("hash");
        json["futureField"] = new JsonObject { ["x"] = 1 };
        json["hash"] = CanonicalJson.Sha256Hex(json);

        var result = AuditChainVerifier.Verify(json.ToJsonString(), null);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void A_deleted_entry_breaks_the_link_of_the_next_one()
    {
        var lines = Chain.Lines(5);
        lines.RemoveAt(2);

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 3), ("seq", 4)), error);
    }

    [Fact]
    public void An_inserted_entry_breaks_the_link_even_when_it_is_sealed_correctly()
    {
        var entries = Chain.Build(5);
        var forged = AuditChain.Seal(entries[1].Head, Chain.Intent(99, AuditAction.DecisionRecorded), Chain.Start).Value;
        var lines = entries.Select(e => e.ToJsonLine()).ToList();
        lines.Insert(2, forged.ToJsonLine());

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        // The forgery itself links to entry 2; entry 3 after it no longer links to its predecessor.
        Assert.Equal(DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 4), ("seq", 3)), error);
    }

    [Fact]
    public void Two_reordered_entries_break_the_link_at_the_first_of_them()
    {
        var lines = Chain.Lines(5);
        (lines[1], lines[2]) = (lines[2], lines[1]);

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 2), ("seq", 3)), error);
    }

    [Fact]
    public void A_wrong_seq_with_a_correct_link_is_a_sequence_gap()
    {
        var first = AuditChain.Seal(null, Chain.Intent(1), Chain.Start).Value;
        var skipped = AuditChain.Seal(first.Head with { Seq = 5 }, Chain.Intent(2), Chain.Start).Value;

        var error = Failure(AuditChainVerifier.Verify([first, skipped], null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.SequenceGap, ("line", 2), ("seq", 6), ("expected", 2)), error);
    }

    [Fact]
    public void A_truncated_chain_is_detected_only_with_the_head()
    {
        var entries = Chain.Build(5);
        var export = Chain.Export(entries.Take(3).Select(e => e.ToJsonLine()));

        var withoutHead = AuditChainVerifier.Verify(export, null);
        var withHead = AuditChainVerifier.Verify(export, entries[^1].Head);

        Assert.True(withoutHead.IsSuccess);
        Assert.Equal(DomainError.Of(AuditErrorCodes.Truncated, ("line", 4), ("seq", 3), ("headSeq", 5)), Failure(withHead));
    }

    [Fact]
    public void A_head_whose_hash_differs_is_reported_at_the_entry_with_its_seq()
    {
        var entries = Chain.Build(5);

        var error = Failure(AuditChainVerifier.Verify(entries, entries[^1].Head with { Hash = new string('f', 64) }));

        Assert.Equal(DomainError.Of(AuditErrorCodes.HeadMismatch, ("line", 5), ("seq", 5)), error);
    }

    [Fact]
    public void A_chain_cut_off_and_continued_does_not_match_an_earlier_head()
    {
        var original = Chain.Build(5);
        var rewritten = Chain.Build(3).ToList();
        var fourth = AuditChain.Seal(rewritten[^1].Head, Chain.Intent(40), Chain.Start).Value;
        rewritten.Add(fourth);

        var error = Failure(AuditChainVerifier.Verify(rewritten, original[3].Head));

        Assert.Equal(AuditErrorCodes.HeadMismatch, error.Code);
    }

    [Fact]
    public void A_later_export_still_contains_the_head_of_an_earlier_one()
    {
        var entries = Chain.Build(5);

        Assert.True(AuditChainVerifier.Verify(entries, entries[2].Head).IsSuccess);
    }

    [Theory]
    [InlineData("not json", "json")]
    [InlineData("[1,2]", "json")]
    [InlineData("{\"seq\":1,\"seq\":1}", "json")]
    [InlineData("{\"prevHash\":\"00\"}", "seq")]
    public void A_malformed_line_is_reported_with_its_line_number(string bad, string field)
    {
        var lines = Chain.Lines(3);
        lines[1] = bad;

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(AuditErrorCodes.Malformed, error.Code);
        Assert.Equal("2", error.Args["line"]);
        Assert.Equal(field, error.Args["field"]);
    }

    [Theory]
    [InlineData("\"points\":8", "\"points\":1e400")]
    [InlineData("\"band\":\"high\"", "\"band\":\"h\\ud800\"")]
    public void A_line_without_a_canonical_form_is_malformed_rather_than_a_crash(string field, string unhashable)
    {
        var lines = Chain.Lines(3);
        lines[1] = lines[1].Replace(field, unhashable, StringComparison.Ordinal);

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines)));

        Assert.Equal(DomainError.Of(AuditErrorCodes.Malformed, ("line", 2), ("seq", "?"), ("field", "json")), error);
    }

    [Fact]
    public void An_entry_built_by_hand_with_NaN_is_malformed_rather_than_a_crash()
    {
        var entries = Chain.Build(2).ToList();
        entries[1] = entries[1] with { Intent = entries[1].Intent with { Computed = new JsonObject { ["ratio"] = double.NaN } } };

        var error = Failure(AuditChainVerifier.Verify(entries));

        Assert.Equal(DomainError.Of(AuditErrorCodes.Malformed, ("line", 2), ("seq", 2), ("field", "json")), error);
    }

    [Fact]
    public void A_line_without_prevHash_is_malformed_and_names_the_field()
    {
        var lines = Chain.Lines(2);
        var json = JsonNode.Parse(lines[1])!.AsObject();
        json.Remove("prevHash");
        lines[1] = json.ToJsonString();

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.Malformed, ("line", 2), ("seq", 2), ("field", "prevHash")), error);
    }

    [Fact]
    public void An_empty_export_verifies_without_a_head_and_is_truncated_with_one()
    {
        var head = Chain.Build(2)[^1].Head;

        var withoutHead = AuditChainVerifier.Verify(string.Empty, null);
        var withHead = AuditChainVerifier.Verify("\n", head);

        Assert.Equal(new ChainVerification(0, null), withoutHead.Value);
        Assert.Equal(DomainError.Of(AuditErrorCodes.Truncated, ("line", 1), ("seq", 0), ("headSeq", 2)), Failure(withHead));
    }

    [Fact]
    public void Windows_line_endings_and_blank_lines_are_accepted_and_line_numbers_still_count_them()
    {
        var lines = Chain.Lines(3);
        var export = lines[0] + "\r\n\r\n" + lines[1] + "\r\n" + lines[2].Replace("\"points\":8", "\"points\":9", StringComparison.Ordinal) + "\r\n";

        var error = Failure(AuditChainVerifier.Verify(export, null));

        Assert.Equal(DomainError.Of(AuditErrorCodes.HashMismatch, ("line", 4), ("seq", 3)), error);
    }

    [Fact]
    public void A_break_reads_in_Danish_and_English()
    {
        var lines = Chain.Lines(3);
        lines.RemoveAt(1);

        var error = Failure(AuditChainVerifier.Verify(Chain.Export(lines), null));

        Assert.Equal(
            "Linje 2 (nr. 3): kæden er brudt – posten peger ikke på den forrige post. En post er slettet, indsat eller flyttet.",
            error.Message(Language.Danish));
        Assert.StartsWith("Line 2 (no. 3): the chain is broken", error.Message(Language.English), StringComparison.Ordinal);
    }

    private static DomainError Failure(Result<ChainVerification> result)
    {
        Assert.False(result.IsSuccess, "The chain verified, but a break was expected.");
        return Assert.Single(result.Errors);
    }
}
