using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>Creating and changing columnDefinitions with the checks of §2.2 and §10.3.</summary>
internal static class ColumnRules
{
    public static ColumnState Create(ListState list, JsonObject body)
    {
        var facet = SingleFacet(body);
        var name = Json.String(body, "name");
        var displayName = Json.String(body, "displayName");
        if (string.IsNullOrWhiteSpace(name))
        {
            // A column made from a label gets SharePoint's derived internal name (§3.7).
            name = string.IsNullOrWhiteSpace(displayName)
                ? throw GraphException.Invalid("A column needs a name.")
                : InternalNames.FromLabel(displayName);
        }
        if (list.Column(name) is not null)
        {
            throw new GraphException(409, "nameAlreadyExists", $"A column named '{name}' already exists in the list.");
        }
        var column = new ColumnState
        {
            Name = name,
            DisplayName = displayName ?? name,
            FacetName = facet?.Key ?? ColumnFacets.Text,
            Facet = facet?.Value?.DeepClone() as JsonObject ?? [],
        };
        Apply(column, body);
        Check(list, column);
        return column;
    }

    /// <summary>Changes the column, or leaves it exactly as it was when any check fails.</summary>
    public static void Patch(ListState list, ColumnState column, JsonObject body)
    {
        var before = (column.DisplayName, column.Description, column.Required, column.Indexed, column.EnforceUniqueValues,
            column.Hidden, column.ReadOnly, Facet: (JsonObject)column.Facet.DeepClone());
        try
        {
            Change(list, column, body);
        }
        catch (GraphException)
        {
            (column.DisplayName, column.Description, column.Required, column.Indexed, column.EnforceUniqueValues,
                column.Hidden, column.ReadOnly, column.Facet) = before;
            throw;
        }
    }

    private static void Change(ListState list, ColumnState column, JsonObject body)
    {
        if (Json.Has(body, "name") && !string.Equals(Json.String(body, "name"), column.Name, StringComparison.Ordinal))
        {
            throw GraphException.Invalid("The internal name of a column cannot be changed.");
        }
        var facet = SingleFacet(body);
        if (facet is { } given)
        {
            if (!column.Is(given.Key))
            {
                throw GraphException.Invalid($"The type of column '{column.Name}' cannot be changed from '{column.FacetName}' to '{given.Key}'.");
            }
            foreach (var pair in (JsonObject)given.Value!)
            {
                column.Facet[pair.Key] = pair.Value?.DeepClone();
            }
        }
        if (Json.String(body, "displayName") is { } displayName)
        {
            column.DisplayName = displayName;
        }
        Apply(column, body);
        Check(list, column);
    }

    private static void Apply(ColumnState column, JsonObject body)
    {
        column.Description = Json.String(body, "description") ?? column.Description;
        column.Required = Json.Bool(body, "required") ?? column.Required;
        column.Indexed = Json.Bool(body, "indexed") ?? column.Indexed;
        column.EnforceUniqueValues = Json.Bool(body, "enforceUniqueValues") ?? column.EnforceUniqueValues;
        column.Hidden = Json.Bool(body, "hidden") ?? column.Hidden;
        column.ReadOnly = Json.Bool(body, "readOnly") ?? column.ReadOnly;
    }

    private static KeyValuePair<string, JsonNode?>? SingleFacet(JsonObject body)
    {
        var facets = body.Where(p => ColumnFacets.All.Contains(p.Key, StringComparer.Ordinal) && p.Value is not null).ToList();
        if (facets.Count > 1)
        {
            throw GraphException.Invalid("A column can have only one type facet; found " + string.Join(", ", facets.Select(f => f.Key)) + ".");
        }
        if (facets.Count == 0)
        {
            return null;
        }
        if (facets[0].Value is not JsonObject facet)
        {
            throw GraphException.Invalid($"The '{facets[0].Key}' facet must be an object.");
        }
        if (ColumnFacets.Enumerations.TryGetValue(facets[0].Key, out var allowed))
        {
            foreach (var (property, values) in allowed)
            {
                if (Json.Get(facet, property) is JsonValue value
                    && (value.GetValueKind() != JsonValueKind.String || !values.Contains(value.GetValue<string>(), StringComparer.Ordinal)))
                {
                    throw GraphException.Invalid($"Invalid value '{value.ToJsonString()}' for {facets[0].Key}.{property}.");
                }
            }
        }
        return facets[0];
    }

    private static void Check(ListState list, ColumnState column)
    {
        if (column.EnforceUniqueValues && !column.Indexed)
        {
            throw GraphException.Invalid("This field must be indexed to enforce unique values.");
        }
        if (column.Indexed && column.IsMultiValue && column.Is(ColumnFacets.Lookup))
        {
            throw GraphException.Invalid("A multi-valued lookup column cannot be indexed.");
        }
        if (column.Is(ColumnFacets.Text) && Json.Get(column.Facet, "maxLength") is JsonValue max
            && (!max.TryGetValue<int>(out var length) || length < 1 || (length > 255 && Json.Bool(column.Facet, "allowMultipleLines") != true)))
        {
            throw GraphException.Invalid("text.maxLength must be between 1 and 255 for a single line of text.");
        }
        if (column.EnforceUniqueValues && list.Items.Values
                .Select(i => i.Values.GetValueOrDefault(column.FieldKey)?.ToString())
                .OfType<string>()
                .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
                .Any(g => g.Count() > 1))
        {
            throw GraphException.Invalid($"The column '{column.Name}' holds duplicate values, so unique values cannot be enforced.");
        }
        if (column.Is(ColumnFacets.Choice) && Json.Get(column.Facet, "choices") is not null and not JsonArray)
        {
            throw GraphException.Invalid("choice.choices must be an array of strings.");
        }
        if (column.Is(ColumnFacets.Lookup))
        {
            var source = Json.String(column.Facet, "listId");
            if (source is null || !list.Site.Lists.Any(l => string.Equals(l.Id.ToString(), source, StringComparison.OrdinalIgnoreCase)))
            {
                throw GraphException.Invalid("lookup.listId must name an existing list of the site.");
            }
        }
    }
}
