using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// Adaptive Card 1.5 elements as JSON. Only what Teams renders at 1.5 (teams-bot-protocol.md §4.4); defaults are
/// left out to keep the cards small (the 28 KB budget).
/// </summary>
internal static class Elements
{
    public static JsonObject Text(string text, string? size = null, bool bold = false, string? color = null, bool subtle = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "size", size);
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        Set(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    public static JsonObject Heading(string text) => Text(text, size: "Large", bold: true);

    public static JsonObject Subheading(string text) => Text(text, size: "Medium", bold: true, separator: true);

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = Array(items) };
        Set(container, "style", style);
        return container;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = Array(facts.Select(f => new JsonObject { ["title"] = f.Title, ["value"] = f.Value })),
    };

    public static JsonObject TextInput(string id, string? label, string? value, string? placeholder = null, bool multiline = false, int? maxLength = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id };
        Set(input, "label", label);
        Set(input, "value", value);
        Set(input, "placeholder", placeholder);
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (maxLength is { } max)
        {
            input["maxLength"] = max;
        }

        return input;
    }

    public static JsonObject NumberInput(string id, string label, double? value, double? min = null, double? max = null, string? placeholder = null)
    {
        var input = new JsonObject { ["type"] = "Input.Number", ["id"] = id, ["label"] = label };
        if (value is { } v)
        {
            input["value"] = v;
        }

        if (min is { } lo)
        {
            input["min"] = lo;
        }

        if (max is { } hi)
        {
            input["max"] = hi;
        }

        Set(input, "placeholder", placeholder);
        return input;
    }

    public static JsonObject DateInput(string id, string label, DateOnly? value, DateOnly? min = null)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        Set(input, "value", value is { } v ? CardFormat.IsoDate(v) : null);
        Set(input, "min", min is { } m ? CardFormat.IsoDate(m) : null);
        return input;
    }

    /// <summary>A toggle that sends "true" or "false" (the defaults of Input.Toggle).</summary>
    public static JsonObject Toggle(string id, string title, bool value) =>
        new() { ["type"] = "Input.Toggle", ["id"] = id, ["title"] = title, ["value"] = value ? "true" : "false", ["wrap"] = true };

    /// <summary>Expanded choices read best for scales; compact keeps long lists small.</summary>
    public static JsonObject Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value, bool expanded = true, bool multiSelect = false, string? placeholder = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["choices"] = Array(choices.Select(c => new JsonObject { ["title"] = c.Title, ["value"] = c.Value })),
            ["wrap"] = true,
        };
        if (expanded)
        {
            input["style"] = "expanded";
        }

        if (multiSelect)
        {
            input["isMultiSelect"] = true;
        }

        Set(input, "value", value);
        Set(input, "placeholder", placeholder);
        return input;
    }

    /// <summary>
    /// <c>Action.Execute</c> with an <c>Action.Submit</c> fallback carrying the same data (teams-bot-protocol.md §4.3),
    /// so a client without Universal Actions still reaches the bot with the verb.
    /// </summary>
    public static JsonObject Execute(string title, CardActionData data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = data.Verb, ["data"] = data.ToJson() };
        Set(action, "style", style);
        var fallback = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.ToJson() };
        Set(fallback, "style", style);
        action["fallback"] = fallback;
        return action;
    }

    public static JsonObject ActionSet(IEnumerable<JsonObject> actions) => new() { ["type"] = "ActionSet", ["actions"] = Array(actions) };

    public static JsonArray Array(IEnumerable<JsonNode> nodes) => new([.. nodes]);

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
