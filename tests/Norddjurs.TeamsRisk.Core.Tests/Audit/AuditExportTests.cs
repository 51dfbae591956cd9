using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Tests.Audit;

public sealed class AuditExportTests
{
    [Fact]
    public void An_export_is_the_canonical_entries_in_order_then_the_head_line()
    {
        var entries = Chain.Build(3);

        var lines = AuditExport.Write(entries, entries[^1].Head).Split('\n');

        Assert.Equal([.. entries.Select(e => e.ToJsonLine()), $"{{\"chainHead\":{{\"hash\":\"{entries[^1].Hash}\",\"seq\":3}}}}", string.Empty], lines);
    }

    [Fact]
    public void A_written_export_verifies_with_its_count_and_head()
    {
        var entries = Chain.Build(5);

        var result = AuditExport.Verify(AuditExport.Write(entries, entries[^1].Head));

        Assert.Equal(new ChainVerification(5, entries[^1].Head), result.Value);
    }

    [Fact]
    public void Windows_line_endings_and_trailing_blank_lines_still_verify()
    {
        var entries = Chain.Build(3);
        var text = AuditExport.Write(entries, entries[^1].Head).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n";

        Assert.Equal(3, AuditExport.Verify(text).Value.Count);
    }

    [Fact]
    public void An_edited_entry_is_reported_at_its_line_in_the_file()
    {
        var entries = Chain.Build(5);
        var text = AuditExport.Write(entries, entries[^1].Head).Replace("\"likelihood\":4", "\"likelihood\":1", StringComparison.Ordinal);

        // Entry 3 is the one with likelihood 3 % 4 + 1 = 4.
        Assert.Equal(DomainError.Of(AuditErrorCodes.HashMismatch, ("line", 3), ("seq", 3)), Failure(AuditExport.Verify(text)));
    }

    [Fact]
    public void Entries_cut_off_at_the_end_under_the_old_head_are_truncation()
    {
        var entries = Chain.Build(5);

        var error = Failure(AuditExport.Verify(AuditExport.Write(entries.Take(3), entries[^1].Head)));

        Assert.Equal(DomainError.Of(AuditErrorCodes.Truncated, ("line", 4), ("seq", 3), ("headSeq", 5)), error);
    }

    [Fact]
    public void A_chain_cut_off_and_continued_under_the_old_head_is_a_head_mismatch()
    {
        var original = Chain.Build(5);
        var rewritten = Chain.Build(3).ToList();
        rewritten.Add(AuditChain.Seal(rewritten[^1].Head, Chain.Intent(40), Chain.Start).Value);
        rewritten.Add(AuditChain.Seal(rewritten[^1].Head, Chain.Intent(50), Chain.Start).Value);

        var error = Failure(AuditExport.Verify(AuditExport.Write(rewritten, original[^1].Head)));

        Assert.Equal(DomainError.Of(AuditErrorCodes.HeadMismatch, ("line", 5), ("seq", 5)), error);
    }

    [Fact]
    public void A_removed_head_line_is_reported_at_the_last_line()
    {
        var entries = Chain.Build(4);

        var error = Failure(AuditExport.Verify(Chain.Export(entries.Select(e => e.ToJsonLine()))));

        Assert.Equal(DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", 4)), error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"chainHead\":null}")]
    [InlineData("{\"chainHead\":{\"hash\":\"abc\",\"seq\":2}}")]
    [InlineData("{\"chainHead\":{\"hash\":\"HASH\",\"seq\":0}}")]
    [InlineData("{\"chainHead\":{\"hash\":\"HASH\",\"seq\":\"2\"}}")]
    [InlineData("{\"chainHead\":{\"hash\":\"HASH\",\"seq\":2,\"note\":1}}")]
    [InlineData("{\"chainHead\":{\"hash\":\"HASH\",\"seq\":2},\"note\":1}")]
    [InlineData("{\"chainHead\":{\"hash\":\"HASH\",\"seq\":2,\"seq\":2}}")]
    public void A_malformed_head_line_is_its_own_error(string headLine)
    {
        var entries = Chain.Build(2);
        var lines = entries.Select(e => e.ToJsonLine()).Append(headLine.Replace("HASH", entries[^1].Hash, StringComparison.Ordinal));

        var error = Failure(AuditExport.Verify(Chain.Export(lines)));

        Assert.Equal(DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", 3)), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_has_no_head(string text)
    {
        Assert.Equal(DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", 1)), Failure(AuditExport.Verify(text)));
    }

    [Fact]
    public void The_head_line_error_reads_in_Danish_and_English()
    {
        var error = DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", 7));

        Assert.StartsWith("Linje 7: den sidste linje skal være kædens hoved", error.Message(Language.Danish), StringComparison.Ordinal);
        Assert.StartsWith("Line 7: the last line must be the chain head", error.Message(Language.English), StringComparison.Ordinal);
    }

    private static DomainError Failure(Result<ChainVerification> result)
    {
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Errors);
    }
}
