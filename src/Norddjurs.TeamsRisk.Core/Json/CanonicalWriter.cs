using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Core.Json;

/// <summary>Writes one value in RFC 8785 form; <see cref="CanonicalJson"/> is the entry point.</summary>
internal sealed class CanonicalWriter
{
    // Integers beyond 2^53 are not all doubles; rounding them would let two different ids share a hash.
    private const long MaxExactInteger = 1L << 53;

    private readonly StringBuilder _sb = new();

    public override string ToString() => _sb.ToString();

    public void Write(JsonNode? node)
    {
        switch (node)
        {
            case null:
                _sb.Append("null");
                break;
            case JsonObject obj:
                WriteMembers([.. obj], Write);
                break;
            case JsonArray array:
                WriteItems(array, Write);
                break;
            case JsonValue value:
                WriteValue(value);
                break;
            default:
                throw new ArgumentException($"Unsupported node type {node.GetType().Name}.", nameof(node));
        }
    }

    public void Write(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteMembers([.. element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value))], Write);
                break;
            case JsonValueKind.Array:
                WriteItems(element.EnumerateArray(), Write);
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!);
                break;
            case JsonValueKind.Number:
                // Number text always parses; beyond the double range it gives infinity, which Format refuses.
                _sb.Append(EcmaScriptNumber.Format(double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case JsonValueKind.True:
                _sb.Append("true");
                break;
            case JsonValueKind.False:
                _sb.Append("false");
                break;
            case JsonValueKind.Null:
                _sb.Append("null");
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element));
        }
    }

    private void WriteValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            Write(element);
        }
        else if (value.TryGetValue<string>(out var text))
        {
            WriteString(text);
        }
        else if (value.TryGetValue<bool>(out var flag))
        {
            _sb.Append(flag ? "true" : "false");
        }
        else if (value.TryGetValue<long>(out var l))
        {
            _sb.Append(l is > MaxExactInteger or < -MaxExactInteger
                ? throw new ArgumentException($"The integer {l} has no exact IEEE 754 double form (RFC 8785 §3.2.2.3).", nameof(value))
                : EcmaScriptNumber.Format(l));
        }
        else if (value.TryGetValue<int>(out var i))
        {
            _sb.Append(EcmaScriptNumber.Format(i));
        }
        else if (value.TryGetValue<double>(out var d))
        {
            _sb.Append(EcmaScriptNumber.Format(d));
        }
        else if (value.TryGetValue<float>(out var f))
        {
            _sb.Append(EcmaScriptNumber.Format(f));
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            _sb.Append(EcmaScriptNumber.Format((double)m));
        }
        else
        {
            // Other CLR values (short, byte, char, Guid, enums ...) are written by System.Text.Json and re-read.
            using var document = JsonDocument.Parse(value.ToJsonString());
            Write(document.RootElement);
        }
    }

    private void WriteMembers<T>(List<KeyValuePair<string, T>> members, Action<T> write)
    {
        // RFC 8785 §3.2.3: members sorted by their names as UTF-16 code units.
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _sb.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                // A JsonObject cannot hold a name twice, a JsonElement can; I-JSON (RFC 7493) forbids it.
                if (string.Equals(members[i - 1].Key, members[i].Key, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The member name \"{members[i].Key}\" occurs twice (RFC 8785 §3.1).", nameof(members));
                }

                _sb.Append(',');
            }

            WriteString(members[i].Key);
            _sb.Append(':');
            write(members[i].Value);
        }

        _sb.Append('}');
    }

    private void WriteItems<T>(IEnumerable<T> items, Action<T> write)
    {
        _sb.Append('[');
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                _sb.Append(',');
            }

            first = false;
            write(item);
        }

        _sb.Append(']');
    }

    /// <summary>RFC 8785 §3.2.2.2: the short escapes, \u00xx in lower case for other controls, all else literal.</summary>
    private void WriteString(string text)
    {
        _sb.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    _sb.Append("\\\"");
                    break;
                case '\\':
                    _sb.Append("\\\\");
                    break;
                case '\b':
                    _sb.Append("\\b");
                    break;
                case '\f':
                    _sb.Append("\\f");
                    break;
                case '\n':
                    _sb.Append("\\n");
                    break;
                case '\r':
                    _sb.Append("\\r");
                    break;
                case '\t':
                    _sb.Append("\\t");
                    break;
                case < ' ':
                    _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case >= '\ud800' and <= '\udbff' when i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]):
                    _sb.Append(c).Append(text[++i]);
                    break;
                case >= '\ud800' and <= '\udfff':
                    // A lone surrogate has no UTF-8 form; replacing it would let two strings share a hash.
                    throw new ArgumentException("A string has a lone surrogate (RFC 8785 §3.2.2.2).", nameof(text));
                default:
                    _sb.Append(c);
                    break;
            }
        }

        _sb.Append('"');
    }
}
