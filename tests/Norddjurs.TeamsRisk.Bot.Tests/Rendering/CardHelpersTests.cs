using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Testing.Cards;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>The shared card helpers the end-to-end and load tests walk with, on a card that uses every kind of nesting.</summary>
public sealed class CardHelpersTests
{
    private static JsonObject Card() => JsonNode.Parse("""
        {
          "type": "AdaptiveCard", "version": "1.5",
          "refresh": { "action": { "type": "Action.Execute", "verb": "flow.view", "data": { "verb": "flow.view" } }, "userIds": [] },
          "body": [
            { "type": "Input.Text", "id": "name", "value": "Anne" },
            { "type": "Input.Text", "id": "empty" },
            { "type": "Container", "items": [ { "type": "Input.Number", "id": "hours", "value": 1.5 } ] },
            { "type": "ColumnSet", "columns": [ { "type": "Column", "items": [ { "type": "Input.Date", "id": "deadline", "value": "2026-06-30" } ] } ] },
            { "type": "Input.Toggle", "id": "on", "title": "On", "value": "yes", "valueOn": "yes", "valueOff": "no" },
            { "type": "Input.Toggle", "id": "off", "title": "Off" },
            { "type": "Input.Toggle", "id": "custom-off", "title": "Off", "valueOff": "nej" },
            { "type": "Input.ChoiceSet", "id": "pick", "choices": [ { "title": "A", "value": "a" } ], "value": "a" },
            { "type": "TextBlock", "text": "x", "fallback": { "type": "Input.Text", "id": "never" } },
            { "type": "ActionSet", "actions": [
              { "type": "Action.Execute", "verb": "flow.next", "data": { "verb": "flow.next", "assessmentId": "a-1", "name": "from data" },
                "fallback": { "type": "Action.Submit", "data": { "verb": "flow.next" } } },
              { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "body": [ { "type": "Input.Text", "id": "note", "value": "n" } ],
                "actions": [ { "type": "Action.Execute", "verb": "flow.save", "data": { "verb": "flow.save" } } ] } }
            ] }
          ]
        }
        """)!.AsObject();

    [Fact]
    public void Defaults_are_every_inputs_value_as_a_string_with_toggles_off_as_their_off_value()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["name"] = "Anne", ["empty"] = "", ["hours"] = "1.5", ["deadline"] = "2026-06-30",
                ["on"] = "yes", ["off"] = "false", ["custom-off"] = "nej", ["pick"] = "a", ["note"] = "n",
            },
            CardInputs.Defaults(Card()));
    }

    [Fact]
    public void Find_returns_a_copy_of_the_actions_data_and_names_the_verbs_when_it_is_missing()
    {
        var card = Card();
        var data = CardActions.Find(card, "flow.next");
        data["changed"] = true;
        Assert.Null(CardActions.Find(card, "flow.next")["changed"]);
        Assert.Equal(["flow.next", "flow.save", "flow.view"], CardActions.Verbs(card).Order());
        Assert.True(CardActions.Has(card, "flow.save"));
        var missing = Assert.Throws<InvalidOperationException>(() => CardActions.Find(card, "flow.submit"));
        Assert.Contains("flow.next", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_puts_the_inputs_into_the_data_and_an_input_wins_over_data_of_the_same_name()
    {
        var merged = CardActions.Press(Card(), "flow.next", ("hours", "3"));
        Assert.Equal("a-1", (string?)merged["assessmentId"]);
        Assert.Equal("Anne", (string?)merged["name"]);
        Assert.Equal("3", (string?)merged["hours"]);
        Assert.Equal("flow.next", (string?)merged["verb"]);
    }

    [Fact]
    public void Two_inputs_with_one_id_are_a_broken_card()
    {
        var card = Card();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "name" });
        Assert.Throws<InvalidOperationException>(() => CardInputs.Defaults(card));
    }
}
