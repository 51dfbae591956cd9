using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Testing;

namespace Norddjurs.TeamsRisk.App.Tests.Cli;

/// <summary>Export files of a real five-entry chain: the good one, and each way of tampering with it and the break it must show.</summary>
internal static class Exports
{
    public static readonly IReadOnlyList<AuditEntry> Entries = AuditChains.Build(5);

    public static ChainHead Head => Entries[^1].Head;

    public static string Good => AuditExport.Write(Entries, Head);

    public static TheoryData<string> TamperNames => [.. Tampered.Keys];

    /// <summary>Name → (file text, the first break the verifier must report).</summary>
    public static IReadOnlyDictionary<string, (string Text, DomainError Break)> Tampered { get; } =
        new Dictionary<string, (string, DomainError)>(StringComparer.Ordinal)
        {
            ["edited"] = (EditLines(l => l[2] = l[2].Replace("\"points\":8", "\"points\":4", StringComparison.Ordinal)),
                DomainError.Of(AuditErrorCodes.HashMismatch, ("line", 3), ("seq", 3))),
            ["deleted"] = (EditLines(l => l.RemoveAt(2)),
                DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 3), ("seq", 4))),
            ["inserted"] = (EditLines(l => l.Insert(2, Forged().ToJsonLine())),
                DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 4), ("seq", 3))),
            ["swapped"] = (EditLines(l => (l[1], l[2]) = (l[2], l[1])),
                DomainError.Of(AuditErrorCodes.BrokenLink, ("line", 2), ("seq", 3))),
            ["truncated under the old head"] = (AuditExport.Write(Entries.Take(3), Head),
                DomainError.Of(AuditErrorCodes.Truncated, ("line", 4), ("seq", 3), ("headSeq", 5))),
            ["cut off and continued under the old head"] = (AuditExport.Write(CutAndContinued(), Head),
                DomainError.Of(AuditErrorCodes.HeadMismatch, ("line", 5), ("seq", 5))),
            ["head line removed"] = (EditLines(l => l.RemoveAt(l.Count - 1)),
                DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", 5))),
            ["malformed line"] = (EditLines(l => l[1] = "{\"seq\":2,"),
                DomainError.Of(AuditErrorCodes.Malformed, ("line", 2), ("seq", "?"), ("field", "json"))),
        };

    private static string EditLines(Action<List<string>> edit)
    {
        var lines = Good.TrimEnd('\n').Split('\n').ToList();
        edit(lines);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Correctly sealed after entry 2, so only its place in the file gives it away.</summary>
    private static AuditEntry Forged() =>
        AuditChain.Seal(Entries[1].Head, AuditChains.Intent(99, AuditAction.DecisionRecorded), AuditChains.Start).Value;

    /// <summary>Entries 1–3, then two new ones sealed onto them: a valid chain, but not the one the head names.</summary>
    private static List<AuditEntry> CutAndContinued()
    {
        var entries = Entries.Take(3).ToList();
        foreach (var n in new[] { 40, 50 })
        {
            entries.Add(AuditChain.Seal(entries[^1].Head, AuditChains.Intent(n), AuditChains.Start).Value);
        }

        return entries;
    }
}
