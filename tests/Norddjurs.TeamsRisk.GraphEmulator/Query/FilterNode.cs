using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Query;

internal enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
    Bare,
}

internal sealed record Literal(LiteralKind Kind, string Text);

/// <summary>A value to compare: the stored JSON and the facet of its column (<c>id</c> for the item id).</summary>
internal readonly record struct FieldValue(JsonNode? Value, string? Facet);

/// <summary>A parsed <c>$filter</c> (§4.1): comparisons, startswith, and/or/not.</summary>
internal abstract record FilterNode
{
    public abstract bool Matches(Func<string, FieldValue> valueOf);

    /// <summary>The field paths the filter references (for the index rule, §10.4).</summary>
    public abstract IEnumerable<string> Fields();
}

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode
{
    public override bool Matches(Func<string, FieldValue> valueOf) => Left.Matches(valueOf) && Right.Matches(valueOf);

    public override IEnumerable<string> Fields() => Left.Fields().Concat(Right.Fields());
}

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode
{
    public override bool Matches(Func<string, FieldValue> valueOf) => Left.Matches(valueOf) || Right.Matches(valueOf);

    public override IEnumerable<string> Fields() => Left.Fields().Concat(Right.Fields());
}

internal sealed record NotNode(FilterNode Inner) : FilterNode
{
    public override bool Matches(Func<string, FieldValue> valueOf) => !Inner.Matches(valueOf);

    public override IEnumerable<string> Fields() => Inner.Fields();
}

internal sealed record StartsWithNode(string Field, string Prefix) : FilterNode
{
    public override bool Matches(Func<string, FieldValue> valueOf) =>
        Compare.AsText(valueOf(Field).Value)?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    public override IEnumerable<string> Fields() => [Field];
}

internal sealed record CompareNode(string Field, string Operator, Literal Literal) : FilterNode
{
    public override bool Matches(Func<string, FieldValue> valueOf)
    {
        var field = valueOf(Field);
        if (field.Value is JsonArray array)
        {
            // A multi-value column matches eq when any value does.
            return Operator == "eq" && array.Any(v => Compare.Test(new FieldValue(v, field.Facet), "eq", Literal));
        }
        return Compare.Test(field, Operator, Literal);
    }

    public override IEnumerable<string> Fields() => [Field];
}

/// <summary>Comparison by the column's type: numbers, dates and booleans by value; text case-insensitively.</summary>
internal static class Compare
{
    public static bool Test(FieldValue field, string op, Literal literal)
    {
        if (literal.Kind == LiteralKind.Null)
        {
            return op switch { "eq" => field.Value is null, "ne" => field.Value is not null, _ => false };
        }
        if (field.Value is null)
        {
            return op == "ne";
        }
        int? order = field.Facet switch
        {
            "number" or "currency" or "id" or "lookup" or "personOrGroup" => CompareNumbers(field.Value, literal.Text),
            "dateTime" => CompareDates(field.Value, literal.Text),
            "boolean" => CompareBooleans(field.Value, literal.Text),
            _ => string.Compare(AsText(field.Value), literal.Text, StringComparison.OrdinalIgnoreCase),
        };
        if (order is not { } o)
        {
            return op == "ne";
        }
        return op switch
        {
            "eq" => o == 0,
            "ne" => o != 0,
            "lt" => o < 0,
            "le" => o <= 0,
            "gt" => o > 0,
            "ge" => o >= 0,
            _ => false,
        };
    }

    public static string? AsText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();

    public static int SortCompare(FieldValue a, FieldValue b)
    {
        if (a.Value is null || b.Value is null)
        {
            return (a.Value is null ? 0 : 1) - (b.Value is null ? 0 : 1);
        }
        var text = AsText(b.Value) ?? "";
        return a.Facet switch
        {
            "number" or "currency" or "id" or "lookup" or "personOrGroup" => CompareNumbers(a.Value, text) ?? 0,
            "dateTime" => CompareDates(a.Value, text) ?? 0,
            _ => string.Compare(AsText(a.Value), text, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static int? CompareNumbers(JsonNode value, string literal) =>
        decimal.TryParse(AsText(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : null;

    private static int? CompareDates(JsonNode value, string literal) =>
        DateTimeOffset.TryParse(AsText(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
        && DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b)
            ? a.CompareTo(b)
            : null;

    private static int? CompareBooleans(JsonNode value, string literal)
    {
        var wanted = literal is "1" || string.Equals(literal, "true", StringComparison.OrdinalIgnoreCase);
        var actual = value.GetValueKind() == JsonValueKind.True;
        return actual == wanted ? 0 : 1;
    }
}
