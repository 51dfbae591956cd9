using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;

/// <summary>How a field is entered; the value is written into the document as text, a number or null, and the loader judges it.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Number,
    OptionalNumber,
    Choice,
}

public sealed record FieldChoice(string Value, string Label);

/// <summary>One value of a document the form edits, at its JSON path, with its label in the reader's language.</summary>
public sealed record DraftField(string Path, string Label, FieldKind Kind, IReadOnlyList<FieldChoice>? Choices = null)
{
    /// <summary>
    /// The typed text as the JSON value: numbers that read as whole numbers become numbers, an empty optional number
    /// null; anything else stays text, so the loader names what is wrong by this field's path.
    /// </summary>
    public JsonNode? ToJson(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return Kind switch
        {
            FieldKind.OptionalNumber when trimmed.Length == 0 => null,
            FieldKind.Number or FieldKind.OptionalNumber when int.TryParse(trimmed, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            FieldKind.Text or FieldKind.LongText => JsonValue.Create(text ?? string.Empty),
            _ => JsonValue.Create(trimmed),
        };
    }
}

/// <summary>A titled part of the form (the likelihood levels, the bands, …).</summary>
public sealed record FieldGroup(string Id, string Title, IReadOnlyList<DraftField> Fields);
