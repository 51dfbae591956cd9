using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>
/// The export an auditor verifies offline (design.md §6; format in this folder's README.md): JSON Lines, every
/// sealed entry in seq order as canonical JSON, then one line with the chain head, <c>{"chainHead":{…}}</c>.
/// The head travels with the entries so a file cut off at the end no longer verifies.
/// </summary>
public static class AuditExport
{
    private const string HeadField = "chainHead";

    public static string Write(IEnumerable<AuditEntry> entries, ChainHead head)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(head);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.ToJsonLine()).Append('\n');
        }

        return text.Append(HeadLine(head)).Append('\n').ToString();
    }

    /// <summary>Canonical like the entries, so the keys are sorted: <c>{"chainHead":{"hash":"…","seq":N}}</c>.</summary>
    private static string HeadLine(ChainHead head)
    {
        var json = new JsonObject { [HeadField] = new JsonObject { ["seq"] = head.Seq, ["hash"] = head.Hash } };
        return CanonicalJson.Serialize(json);
    }

    /// <summary>
    /// Verifies the entries against the head on the file's last non-blank line. Line numbers in errors are the
    /// file's own, as an editor shows them.
    /// </summary>
    public static Result<ChainVerification> Verify(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var lines = fileText.Split('\n');
        var headIndex = Array.FindLastIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        var headLine = headIndex + 1;
        if (headIndex < 0 || ReadHead(lines[headIndex].TrimEnd('\r')) is not { } head)
        {
            return DomainError.Of(AuditErrorCodes.ExportHeadInvalid, ("line", Math.Max(headLine, 1)));
        }

        // The lines before the head keep their numbers: the verifier counts from the start of this text.
        var entries = string.Join('\n', lines, 0, headIndex);
        return AuditChainVerifier.Verify(entries, head);
    }

    /// <summary>The head, or null when the line is not exactly a chain head (an entry, broken JSON, extra fields).</summary>
    private static ChainHead? ReadHead(string line)
    {
        if (!AuditEntry.TryParseObject(line, out var json) || json.Count != 1 || json[HeadField] is not JsonObject { Count: 2 } headJson)
        {
            return null;
        }

        var fields = new JsonReader(headJson, HeadField);
        var (seq, hash) = (fields.Long("seq"), fields.Hash("hash"));
        return fields.Problem is null && seq >= 1 ? new ChainHead(seq, hash) : null;
    }
}
