using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>One columnDefinition of a list (§2.2): base properties plus exactly one type facet.</summary>
public sealed class ColumnState
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Name { get; init; }

    public string DisplayName { get; set; } = "";

    public string? Description { get; set; }

    public bool Required { get; set; }

    public bool Indexed { get; set; }

    public bool EnforceUniqueValues { get; set; }

    public bool Hidden { get; set; }

    public bool ReadOnly { get; set; }

    /// <summary>The type facet's name (<c>text</c>, <c>number</c>, …), or null for a type Graph cannot describe.</summary>
    public string? FacetName { get; set; }

    public JsonObject Facet { get; set; } = [];

    public bool Is(string facet) => string.Equals(FacetName, facet, StringComparison.Ordinal);

    /// <summary>Person and lookup columns are written and read as <c>&lt;Name&gt;LookupId</c> (§3.5).</summary>
    public bool IsLookupType => Is(ColumnFacets.PersonOrGroup) || Is(ColumnFacets.Lookup);

    public string FieldKey => IsLookupType ? Name + "LookupId" : Name;

    public bool IsMultiValue =>
        (Is(ColumnFacets.Choice) && Json.String(Facet, "displayAs") == "checkBoxes")
        || (Is(ColumnFacets.PersonOrGroup) && Json.Bool(Facet, "allowMultipleSelection") == true)
        || (Is(ColumnFacets.Lookup) && Json.Bool(Facet, "allowMultipleValues") == true);

    /// <summary>The most a multiple-lines-of-text column holds in SharePoint Online (§3.8; widely documented).</summary>
    public const int MultipleLinesMaxLength = 63_999;

    /// <summary>Single line of text: at most 255 characters, or less when the facet says so; multiple lines: 63,999 (§3.8).</summary>
    public int? MaxLength
    {
        get
        {
            if (!Is(ColumnFacets.Text))
            {
                return null;
            }
            if (Json.Bool(Facet, "allowMultipleLines") == true)
            {
                return MultipleLinesMaxLength;
            }
            return Json.Get(Facet, "maxLength") is JsonValue v && v.TryGetValue<int>(out var max) ? Math.Min(max, 255) : 255;
        }
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id.ToString(),
            ["name"] = Name,
            ["displayName"] = DisplayName,
            ["description"] = Description ?? "",
            ["columnGroup"] = "Custom Columns",
            ["enforceUniqueValues"] = EnforceUniqueValues,
            ["hidden"] = Hidden,
            ["indexed"] = Indexed,
            ["readOnly"] = ReadOnly,
            ["required"] = Required,
        };
        if (FacetName is not null)
        {
            json[FacetName] = Facet.DeepClone();
        }
        return json;
    }
}
