using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>An intact chain: how many entries and its last one (null when empty).</summary>
public sealed record ChainVerification(long Count, ChainHead? Head);

/// <summary>
/// Checks an exported chain offline (design.md §6) and reports the first entry whose hash, link or sequence is
/// wrong. Each hash is recomputed from the line's own JSON minus <c>hash</c>, so fields this version does not
/// know are covered too. Without an expected head a cut-off tail cannot be seen; the store keeps the head for that.
/// </summary>
public static class AuditChainVerifier
{
    public static Result<ChainVerification> Verify(string jsonLines, ChainHead? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        return Verify(Lines(jsonLines), expectedHead);
    }

    public static Result<ChainVerification> Verify(IEnumerable<AuditEntry> entries, ChainHead? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Verify(entries.Select((e, i) => (i + 1, (JsonObject?)e.ToJson())), expectedHead);
    }

    private static Result<ChainVerification> Verify(IEnumerable<(int Line, JsonObject? Json)> lines, ChainHead? expectedHead)
    {
        ChainHead? last = null;
        long count = 0;
        var lastLine = 0;
        foreach (var (line, json) in lines)
        {
            lastLine = line;
            if (json is null)
            {
                return AuditJson.Malformed(line, null, "json");
            }

            // The chain fields first: an edit should read as "edited", even when it also broke another field.
            var fields = new JsonReader(json, string.Empty);
            var (seq, prevHash, hash) = (fields.Long("seq"), fields.Hash("prevHash"), fields.Hash(AuditJson.HashField));
            if (fields.Problem is { } problem)
            {
                return AuditJson.Malformed(line, problem == "seq" ? null : seq, problem);
            }

            if (Recompute(json) is not { } actual)
            {
                return AuditJson.Malformed(line, seq, "json");
            }

            if (actual != hash)
            {
                return Break(AuditErrorCodes.HashMismatch, line, seq);
            }

            if (prevHash != (last?.Hash ?? AuditChain.GenesisHash))
            {
                return Break(AuditErrorCodes.BrokenLink, line, seq);
            }

            var expectedSeq = (last?.Seq ?? 0) + 1;
            if (seq != expectedSeq)
            {
                return DomainError.Of(AuditErrorCodes.SequenceGap, ("line", line), ("seq", seq), ("expected", expectedSeq));
            }

            if (expectedHead is not null && seq == expectedHead.Seq && hash != expectedHead.Hash)
            {
                return Break(AuditErrorCodes.HeadMismatch, line, seq);
            }

            var entry = AuditJson.Read(json, line);
            if (!entry.IsSuccess)
            {
                return Result<ChainVerification>.Failure(entry.Errors);
            }

            last = new ChainHead(seq, hash);
            count++;
        }

        if (expectedHead is not null && expectedHead.Seq > (last?.Seq ?? 0))
        {
            return DomainError.Of(
                AuditErrorCodes.Truncated, ("line", lastLine + 1), ("seq", last?.Seq ?? 0), ("headSeq", expectedHead.Seq));
        }

        return new ChainVerification(count, last);
    }

    /// <summary>The hash of the line's own JSON minus <c>hash</c>; null when it has no canonical form.</summary>
    private static string? Recompute(JsonObject json)
    {
        var withoutHash = (JsonObject)json.DeepClone();
        withoutHash.Remove(AuditJson.HashField);
        return CanonicalJson.TrySha256Hex(withoutHash, out var hash) ? hash : null;
    }

    private static DomainError Break(string code, int line, long seq) =>
        DomainError.Of(code, ("line", line), ("seq", seq.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Blank lines (such as the final newline) are skipped but still counted, so line numbers match an editor's.</summary>
    private static IEnumerable<(int Line, JsonObject? Json)> Lines(string jsonLines)
    {
        var number = 0;
        foreach (var raw in jsonLines.Split('\n'))
        {
            number++;
            var text = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return (number, AuditEntry.TryParseObject(text, out var json) ? json : null);
        }
    }
}
