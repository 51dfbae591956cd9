using System.Globalization;
using System.Text.Json;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// A card's input values by id, turned into typed values, collecting what cannot be read. Teams sends every value as a
/// string (numbers invariant "1.5", dates "yyyy-MM-dd", toggles "true"/"false", a multi-select as "0,2"); an empty input
/// arrives as "" or not at all, and both read as null. JSON numbers and booleans are taken too. Each reader returns its
/// best effort (null when unreadable) so the card can be shown again with what the owner typed.
/// </summary>
internal sealed class CardFields(JsonElement data, Language language)
{
    private readonly List<FlowError> _errors = [];

    public IReadOnlyList<FlowError> Errors => _errors;

    /// <summary>The ids of all values sent, in the order they came.</summary>
    public IEnumerable<string> Ids =>
        data.ValueKind == JsonValueKind.Object ? data.EnumerateObject().Select(p => p.Name) : [];

    /// <summary>Whether the input was sent at all (an empty value counts as sent).</summary>
    public bool Sent(string id) => data.ValueKind == JsonValueKind.Object && data.TryGetProperty(id, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The value as sent, null when absent or empty (whitespace only counts as empty).</summary>
    public string? Raw(string id)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(id, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>Text up to <paramref name="maxLength"/> characters; a longer one is refused and kept cut to the limit.</summary>
    public string? Text(string id, int maxLength)
    {
        var text = Raw(id);
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        Refuse(id, InputErrorCodes.TooLong, ("max", maxLength), ("length", text.Length));
        return text[..maxLength];
    }

    public double? Number(string id)
    {
        var text = Raw(id);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        Refuse(id, InputErrorCodes.NotANumber, ("value", Quote(text)));
        return null;
    }

    /// <summary>A whole number; "3.0" is three, "2.5" is refused.</summary>
    public int? Whole(string id)
    {
        var text = Raw(id);
        if (text is null)
        {
            return null;
        }

        if (WholeOf(text) is { } whole)
        {
            return whole;
        }

        Refuse(id, double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? InputErrorCodes.NotAWholeNumber : InputErrorCodes.NotANumber,
            ("value", Quote(text)));
        return null;
    }

    /// <summary>A multi-select's values ("0,2"): the whole numbers among them; anything else is refused.</summary>
    public IReadOnlyList<int> Wholes(string id)
    {
        var text = Raw(id);
        if (text is null)
        {
            return [];
        }

        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (WholeOf(part) is { } whole)
            {
                values.Add(whole);
            }
            else
            {
                Refuse(id, InputErrorCodes.NotAllowed, ("value", Quote(part)));
            }
        }

        return values;
    }

    /// <summary>Input.Date's "yyyy-MM-dd"; a date-time from a lenient client is taken by its date.</summary>
    public DateOnly? Date(string id)
    {
        var text = Raw(id)?.Trim();
        if (text is null)
        {
            return null;
        }

        var day = text.Length > 10 && text[10] == 'T' ? text[..10] : text;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Refuse(id, InputErrorCodes.NotADate, ("value", Quote(text)));
        return null;
    }

    /// <summary>A toggle's "true" or "false"; <paramref name="absent"/> when it was not sent or is unreadable.</summary>
    public bool Toggle(string id, bool absent = false)
    {
        var text = Raw(id);
        if (text is null)
        {
            return absent;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        Refuse(id, InputErrorCodes.NotAllowed, ("value", Quote(text)));
        return absent;
    }

    /// <summary>One of <paramref name="allowed"/> (compared exactly, as the card offers them); null when empty or not offered.</summary>
    public string? OneOf(string id, IReadOnlyCollection<string> allowed)
    {
        var text = Raw(id);
        if (text is null || allowed.Contains(text))
        {
            return text;
        }

        Refuse(id, InputErrorCodes.NotAllowed, ("value", Quote(text)));
        return null;
    }

    /// <summary>Records an error on the input <paramref name="id"/>, with its message in the owner's language.</summary>
    public void Refuse(string id, string code, params (string Name, object? Value)[] args)
    {
        var error = DomainError.Of(code, args);
        _errors.Add(new FlowError(id, error, InputTexts.Format(code, language, error.Args)));
    }

    public static string Quote(string value) => value.Length <= InputLimits.Quoted ? value : value[..InputLimits.Quoted] + "…";

    private static int? WholeOf(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number) && Math.Floor(number) == number && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : null;
}
