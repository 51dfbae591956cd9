using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Items;

/// <summary>
/// Checks a <c>fields</c> object against the list's columns and turns it into stored values (§3.5, §10.3):
/// type per facet, text length, required, choices, multi-value annotations, person/lookup ids, unique values.
/// Nothing is applied unless every field passes.
/// </summary>
internal static class FieldWriter
{
    public static Dictionary<string, JsonNode?> Validate(RequestContext context, ListState list, ItemState? existing, JsonObject fields)
    {
        var annotations = fields
            .Where(p => p.Key.EndsWith("@odata.type", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key[..p.Key.IndexOf('@', StringComparison.Ordinal)], p => p.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
        var changes = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in fields)
        {
            if (key.Contains('@', StringComparison.Ordinal))
            {
                continue; // annotations; the SDK adds @odata.type to bodies (§3.1)
            }
            var column = list.ColumnForKey(key);
            if (column is null || BuiltInColumns.IsId(key))
            {
                throw GraphException.Invalid($"Field '{key}' is not recognized");
            }
            if (column.ReadOnly)
            {
                throw GraphException.Invalid($"Field '{key}' is read-only");
            }
            if (column.IsLookupType && !string.Equals(key, column.FieldKey, StringComparison.OrdinalIgnoreCase))
            {
                throw GraphException.Invalid($"Field '{key}' must be written as '{column.FieldKey}'.");
            }
            changes[column.FieldKey] = Normalise(context, list, column, value, annotations.GetValueOrDefault(key));
        }
        if (existing is null)
        {
            foreach (var column in list.Columns.Where(c => c.Required && !c.ReadOnly))
            {
                if (!changes.TryGetValue(column.FieldKey, out var value) || value is null)
                {
                    throw GraphException.Invalid($"Field '{column.Name}' is required.");
                }
            }
        }
        CheckUnique(context, list, existing, changes);
        return changes;
    }

    private static JsonNode? Normalise(RequestContext context, ListState list, ColumnState column, JsonNode? value, string? annotation)
    {
        if (value is null)
        {
            return column.Required ? throw GraphException.Invalid($"Field '{column.Name}' is required.") : null;
        }
        if (column.IsMultiValue)
        {
            if (annotation is null || !annotation.StartsWith("Collection(", StringComparison.Ordinal))
            {
                throw GraphException.Invalid($"A multi-valued write to '{column.FieldKey}' needs the '{column.FieldKey}@odata.type' annotation.");
            }
            if (value is not JsonArray array)
            {
                throw GraphException.Invalid($"Field '{column.FieldKey}' takes an array.");
            }
            return new JsonArray(array.Select(v => Single(context, list, column, v, multi: true)).ToArray());
        }
        if (value is JsonArray)
        {
            throw GraphException.Invalid($"Field '{column.FieldKey}' takes a single value.");
        }
        return Single(context, list, column, value, multi: false);
    }

    private static JsonNode? Single(RequestContext context, ListState list, ColumnState column, JsonNode? value, bool multi)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var text = kind == JsonValueKind.String ? value!.GetValue<string>() : null;
        switch (column.FacetName)
        {
            case ColumnFacets.Text:
                if (text is null)
                {
                    throw WrongType(column, "a string");
                }
                if (column.MaxLength is { } max && text.Length > max)
                {
                    throw GraphException.Invalid($"The value of field '{column.Name}' is longer than {max} characters.");
                }
                return text;
            case ColumnFacets.Number:
            case ColumnFacets.Currency:
                decimal number;
                if (kind == JsonValueKind.Number)
                {
                    number = value!.GetValue<decimal>();
                }
                else if (!(context.Options.AcceptNumericStrings && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)))
                {
                    throw WrongType(column, "a number");
                }
                if ((Json.Get(column.Facet, "minimum") is JsonValue min && number < min.GetValue<decimal>())
                    || (Json.Get(column.Facet, "maximum") is JsonValue maxValue && number > maxValue.GetValue<decimal>()))
                {
                    throw GraphException.Invalid($"The value of field '{column.Name}' is outside its minimum/maximum.");
                }
                return number;
            case ColumnFacets.Boolean:
                return kind is JsonValueKind.True or JsonValueKind.False ? value!.GetValue<bool>() : throw WrongType(column, "true or false");
            case ColumnFacets.Choice:
                if (text is null)
                {
                    throw WrongType(column, "a string");
                }
                var choices = (Json.Get(column.Facet, "choices") as JsonArray)?.Select(c => c?.ToString()).ToList() ?? [];
                if (Json.Bool(column.Facet, "allowTextEntry") != true && !choices.Contains(text, StringComparer.Ordinal))
                {
                    throw GraphException.Invalid($"'{text}' is not a choice of field '{column.Name}'.");
                }
                return text;
            case ColumnFacets.DateTime:
                if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    throw WrongType(column, "an ISO 8601 date");
                }
                return Json.Instant(Json.String(column.Facet, "format") == "dateOnly" ? LocalMidnight(context, instant) : instant);
            case ColumnFacets.PersonOrGroup:
            case ColumnFacets.Lookup:
                var id = LookupId(column, value, kind, text);
                var known = column.Is(ColumnFacets.PersonOrGroup)
                    ? list.Site.UserInformation.ContainsKey(id)
                    : list.Site.Lists.FirstOrDefault(l => string.Equals(l.Id.ToString(), Json.String(column.Facet, "listId"), StringComparison.OrdinalIgnoreCase))?.Items.ContainsKey(id) == true;
                if (!known)
                {
                    throw GraphException.Invalid($"The lookup id {id} of field '{column.FieldKey}' does not exist.");
                }
                return multi ? id : id.ToString(CultureInfo.InvariantCulture);
            case ColumnFacets.HyperlinkOrPicture:
                throw GraphException.Invalid($"Field '{column.Name}' (hyperlink) cannot be written through this API.");
            default:
                return value?.DeepClone();
        }
    }

    private static int LookupId(ColumnState column, JsonNode? value, JsonValueKind kind, string? text)
    {
        if (kind == JsonValueKind.Number && value!.AsValue().TryGetValue<int>(out var number))
        {
            return number;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw WrongType(column, "a lookup id");
    }

    /// <summary>A date-only value is stored as midnight of its date in the site's time zone, as a UTC instant (§3.5).</summary>
    private static DateTimeOffset LocalMidnight(RequestContext context, DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(context.Options.SiteTimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static void CheckUnique(RequestContext context, ListState list, ItemState? existing, Dictionary<string, JsonNode?> changes)
    {
        foreach (var (key, value) in changes)
        {
            var column = list.ColumnForKey(key);
            if (column is not { EnforceUniqueValues: true } || value is null)
            {
                continue;
            }
            var wanted = value.ToString();
            var clash = list.Items.Values.Any(other => other != existing
                && other.Values.TryGetValue(key, out var taken) && taken is not null
                && string.Equals(taken.ToString(), wanted, StringComparison.OrdinalIgnoreCase));
            if (clash)
            {
                throw new GraphException(context.Options.UniqueViolationStatus, context.Options.UniqueViolationCode,
                    $"The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [{column.Name}].");
            }
        }
    }

    private static GraphException WrongType(ColumnState column, string expected) =>
        GraphException.Invalid($"Field '{column.FieldKey}' expects {expected}.");
}
