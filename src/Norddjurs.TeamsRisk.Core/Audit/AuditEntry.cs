using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>
/// A sealed audit entry (risk-method.md §5): the intent plus its place in the tenant's chain. <see cref="Hash"/> is
/// the SHA-256 of the canonical JSON of <see cref="ToJson"/> without <c>hash</c> (design.md §6).
/// </summary>
public sealed record AuditEntry(AuditIntent Intent, long Seq, string PrevHash, DateTimeOffset RecordedAt, string Hash)
{
    // Duplicate names would let a reader and the verifier see different values for one field.
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public ChainHead Head => new(Seq, Hash);

    public JsonObject ToJson()
    {
        var json = AuditJson.WithoutHash(Intent, Seq, PrevHash, RecordedAt);
        json[AuditJson.HashField] = Hash;
        return json;
    }

    /// <summary>One JSON Lines line: the canonical form, which never contains a raw line break.</summary>
    public string ToJsonLine() => CanonicalJson.Serialize(ToJson());

    /// <summary>Reads an entry back; the hash is read, not checked (that is the verifier's job).</summary>
    public static Result<AuditEntry> Parse(JsonObject json) =>
        CanonicalJson.TrySerialize(json, out _) ? AuditJson.Read(json, line: 1) : AuditJson.Malformed(1, null, "json");

    public static Result<AuditEntry> Parse(string line) =>
        TryParseObject(line, out var json) ? AuditJson.Read(json, line: 1) : AuditJson.Malformed(1, null, "json");

    internal static bool TryParseObject(string line, out JsonObject json)
    {
        json = null!;
        try
        {
            // Without a canonical form (a number beyond the double range, a lone surrogate) it cannot be hashed,
            // and System.Text.Json would only fail later, when such a string is read.
            if (JsonNode.Parse(line, documentOptions: Strict) is JsonObject obj && CanonicalJson.TrySerialize(obj, out _))
            {
                json = obj;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        catch (ArgumentException)
        {
            // JsonObject reports a duplicate property name this way.
        }

        return false;
    }
}
