using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Core.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: the form whose SHA-256 pins methods, catalogues, snapshots and audit
/// entries (risk-method.md §3.8, §5; design.md §6). Members are sorted by UTF-16 code units, numbers are written as
/// ECMAScript writes them, and there is no insignificant whitespace.
/// </summary>
/// <remarks>
/// Throws <see cref="ArgumentException"/> for JSON that has no canonical form: NaN or infinity (also a number
/// literal beyond the double range), an integer held as a CLR value beyond ±2^53, a string with a lone surrogate,
/// or a <see cref="JsonElement"/> object with a duplicate member name.
/// </remarks>
public static class CanonicalJson
{
    public static string Serialize(JsonNode? node) => Canonical(w => w.Write(node));

    public static string Serialize(JsonElement element) => Canonical(w => w.Write(element));

    public static byte[] SerializeToUtf8(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    public static byte[] SerializeToUtf8(JsonElement element) => Encoding.UTF8.GetBytes(Serialize(element));

    /// <summary>Lower-case hex SHA-256 of the canonical UTF-8 bytes.</summary>
    public static string Sha256Hex(JsonNode? node) => Hex(SerializeToUtf8(node));

    /// <summary>Lower-case hex SHA-256 of the canonical UTF-8 bytes.</summary>
    public static string Sha256Hex(JsonElement element) => Hex(SerializeToUtf8(element));

    /// <summary>For untrusted input (an exported audit line): no canonical form is an expected outcome there.</summary>
    internal static bool TrySerialize(JsonNode? node, [NotNullWhen(true)] out string? canonical)
    {
        try
        {
            canonical = Serialize(node);
            return true;
        }
        catch (ArgumentException)
        {
            canonical = null;
            return false;
        }
    }

    internal static bool TrySha256Hex(JsonNode? node, [NotNullWhen(true)] out string? hash)
    {
        hash = TrySerialize(node, out var canonical) ? Hex(Encoding.UTF8.GetBytes(canonical)) : null;
        return hash is not null;
    }

    private static string Hex(byte[] utf8) => Convert.ToHexStringLower(SHA256.HashData(utf8));

    private static string Canonical(Action<CanonicalWriter> write)
    {
        var writer = new CanonicalWriter();
        try
        {
            write(writer);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json decodes parsed strings and names lazily and refuses an escaped lone surrogate
            // ("\ud800") only then; that is this kind of input error, not a fault.
            throw new ArgumentException("The JSON has a string that is not valid Unicode (RFC 8785 §3.2.2.2).", e);
        }

        return writer.ToString();
    }
}
