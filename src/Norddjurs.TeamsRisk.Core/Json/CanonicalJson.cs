using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Core.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme over <see cref="JsonNode"/>: the form whose SHA-256 pins methods,
/// catalogues, snapshots and audit entries (risk-method.md §3.8, §5; design.md §6).
/// </summary>
public static class CanonicalJson
{
    // Strict: a lone surrogate has no UTF-8 form, and silently replacing it would let two strings share a hash.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Integers beyond 2^53 are not all doubles; rounding them would let two different ids share a hash.
    private const long MaxExactInteger = 1L << 53;

    public static string Serialize(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(sb, node);
        return sb.ToString();
    }

    public static byte[] SerializeToUtf8(JsonNode? node) => StrictUtf8.GetBytes(Serialize(node));

    public static string Sha256Hex(JsonNode? node) => Convert.ToHexStringLower(SHA256.HashData(SerializeToUtf8(node)));

    private static void Write(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                WriteObject(sb, obj);
                break;
            case JsonArray array:
                WriteArray(sb, array);
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
            default:
                throw new ArgumentException($"Unsupported node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteObject(StringBuilder sb, JsonObject obj)
    {
        // RFC 8785 §3.2.3: members sorted by their names as UTF-16 code units.
        var members = obj.ToList();
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        sb.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            WriteString(sb, members[i].Key);
            sb.Append(':');
            Write(sb, members[i].Value);
        }

        sb.Append('}');
    }

    private static void WriteArray(StringBuilder sb, JsonArray array)
    {
        sb.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            Write(sb, array[i]);
        }

        sb.Append(']');
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(sb, element);
            return;
        }

        if (value.TryGetValue<string>(out var text))
        {
            WriteString(sb, text);
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            sb.Append(flag ? "true" : "false");
        }
        else if (value.TryGetValue<long>(out var l))
        {
            sb.Append(FormatInteger(l));
        }
        else if (value.TryGetValue<int>(out var i))
        {
            sb.Append(FormatNumber(i));
        }
        else if (value.TryGetValue<double>(out var d))
        {
            sb.Append(FormatNumber(d));
        }
        else if (value.TryGetValue<float>(out var f))
        {
            sb.Append(FormatNumber(f));
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            sb.Append(FormatNumber((double)m));
        }
        else
        {
            // Other CLR values (short, byte, char, Guid, enums ...) are written by System.Text.Json and re-read.
            using var document = JsonDocument.Parse(value.ToJsonString());
            WriteElement(sb, document.RootElement);
        }
    }

    private static void WriteElement(StringBuilder sb, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            case JsonValueKind.Array:
                Write(sb, JsonNode.Parse(element.GetRawText()));
                break;
            case JsonValueKind.String:
                WriteString(sb, element.GetString()!);
                break;
            case JsonValueKind.Number:
                sb.Append(FormatNumber(ParseNumber(element.GetRawText())));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element));
        }
    }

    private static double ParseNumber(string raw)
    {
        // JSON number text is always parseable; an overflow gives infinity, rejected by FormatNumber.
        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string FormatInteger(long value) =>
        value is > MaxExactInteger or < -MaxExactInteger
            ? throw new ArgumentException($"The integer {value} has no exact IEEE 754 double form (RFC 8785 §3.2.2.3).", nameof(value))
            : FormatNumber(value);

    /// <summary>ECMAScript Number.prototype.toString for a finite double (RFC 8785 §3.2.2.3).</summary>
    internal static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("NaN and Infinity have no JSON form (RFC 8785 §3.2.2.3).", nameof(value));
        }

        if (value == 0)
        {
            return "0"; // also -0
        }

        var (negative, digits, n) = Decompose(value);
        var k = digits.Length;
        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The shortest round-trip digits d1..dk and the exponent n with |value| = 0.d1..dk × 10^n,
    /// taken from .NET's "R" format (shortest round-trip since .NET Core 3.0).
    /// </summary>
    private static (bool Negative, string Digits, int N) Decompose(double value)
    {
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerLength = dot < 0 ? mantissa.Length : dot;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var n = integerLength + exponent;

        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        return (value < 0, digits, n - leading);
    }

    private static void WriteString(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
