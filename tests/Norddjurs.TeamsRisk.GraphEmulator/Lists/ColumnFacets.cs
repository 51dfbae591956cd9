namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>The type facets of a columnDefinition and their allowed enumeration values (§2.2).</summary>
internal static class ColumnFacets
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Choice = "choice";
    public const string Boolean = "boolean";
    public const string DateTime = "dateTime";
    public const string PersonOrGroup = "personOrGroup";
    public const string Lookup = "lookup";
    public const string HyperlinkOrPicture = "hyperlinkOrPicture";
    public const string Currency = "currency";

    public static readonly string[] All =
    [
        Text, Number, Choice, Boolean, DateTime, PersonOrGroup, Lookup, HyperlinkOrPicture, Currency,
        "calculated", "term", "geolocation", "thumbnail", "contentApprovalStatus",
    ];

    /// <summary>facet → property → allowed values; a value outside the set is a 400.</summary>
    public static readonly Dictionary<string, Dictionary<string, string[]>> Enumerations = new(StringComparer.Ordinal)
    {
        [Text] = new() { ["textType"] = ["plain", "richText"] },
        [Number] = new()
        {
            ["decimalPlaces"] = ["automatic", "none", "one", "two", "three", "four", "five"],
            ["displayAs"] = ["number", "percentage"],
        },
        [Choice] = new() { ["displayAs"] = ["checkBoxes", "dropDownMenu", "radioButtons"] },
        [DateTime] = new() { ["format"] = ["dateOnly", "dateTime"], ["displayAs"] = ["default", "friendly", "standard"] },
        [PersonOrGroup] = new() { ["chooseFromType"] = ["peopleAndGroups", "peopleOnly"] },
    };
}
