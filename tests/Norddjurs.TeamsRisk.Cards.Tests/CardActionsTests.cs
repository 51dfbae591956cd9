using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>The actions the bot receives: verbs, data, fallbacks, and reading them back.</summary>
public sealed class CardActionsTests
{
    public static TheoryData<string> CardNames() => [.. CardSamples.All.Keys];

    [Theory, MemberData(nameof(CardNames))]
    public void Every_action_is_an_Execute_with_a_known_verb_and_a_Submit_fallback_carrying_the_same_data(string name)
    {
        var card = CardSamples.All[name](Language.Danish);
        var actions = CardTree.Actions(card).ToArray();
        // An empty list, a decided committee or escalation card and a read-only escalation have nothing left to do.
        Assert.Equal(name is not ("my-assessments-empty" or "committee-approved" or "committee-returned"
            or "escalation-read-only" or "escalation-accepted" or "escalation-endorsed" or "escalation-required"), actions.Length > 0);
        foreach (var action in actions)
        {
            Assert.Equal("Action.Execute", (string?)action["type"]);
            var verb = (string)action["verb"]!;
            Assert.Contains(verb, CardVerbs.All);
            Assert.Equal(verb, (string?)action["data"]!["verb"]);
            var fallback = action["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.True(JsonNode.DeepEquals(action["data"], fallback["data"]));
        }
    }

    [Theory]
    [InlineData("facts", false)]
    [InlineData("profile-lowered", true)]
    [InlineData("events-full-catalogue", true)]
    [InlineData("score-ransomware", true)]
    [InlineData("treatment-high", true)]
    [InlineData("summary", true)]
    public void Back_is_offered_on_every_step_but_the_first(string name, bool back)
    {
        var verbs = CardTree.Verbs(CardSamples.All[name](Language.Danish)).ToArray();
        Assert.Equal(back, verbs.Contains(CardVerbs.Back));
    }

    [Fact]
    public void The_decision_card_offers_no_acceptance_for_a_compliance_gap_and_its_actions_carry_the_escalation_and_the_stamp()
    {
        var pending = CardTree.Verbs(CardSamples.All["escalation-pending"](Language.Danish)).ToArray();
        var gap = CardSamples.All["escalation-compliance-gap"](Language.Danish);

        Assert.Equal([CardVerbs.EscalationEndorse, CardVerbs.EscalationRequire, CardVerbs.EscalationAccept], pending);
        Assert.DoesNotContain(CardVerbs.EscalationAccept, CardTree.Verbs(gap));
        foreach (var action in CardTree.Actions(gap))
        {
            var data = CardActionData.Read(action["data"]!.AsObject())!;
            Assert.Equal((EscalationSamples.EscalationId, CardSamples.Stamp), (data.EscalationId, data.Stamp));
        }
    }

    [Fact]
    public void Step_actions_carry_the_assessment_the_step_and_the_stamp()
    {
        var card = CardSamples.All["score-ransomware"](Language.Danish);
        foreach (var action in CardTree.Actions(card))
        {
            var data = CardActionData.Read(action["data"]!.AsObject())!;
            Assert.Equal(CardSamples.AssessmentId, data.AssessmentId);
            Assert.Equal(new CardStep(CardStepKind.Score, "CYB-RANSOM"), data.Step);
            Assert.Equal(CardSamples.Stamp, data.Stamp);
        }
    }

    [Fact]
    public void The_treatment_card_sends_its_measure_ids_in_row_order()
    {
        var card = CardSamples.All["treatment-high"](Language.Danish);
        var next = CardTree.Actions(card).Single(a => (string?)a["verb"] == CardVerbs.Next);
        Assert.Equal(["M-1"], CardActionData.Read(next["data"]!.AsObject())!.MeasureIds);
    }

    [Fact]
    public void Data_reads_back_with_the_inputs_beside_it_and_the_Execute_verb_winning()
    {
        var sent = new CardActionData(CardVerbs.Next) { AssessmentId = "A-1", Step = new CardStep(CardStepKind.Treatment, "TEC-NETWORK"), Stamp = "3", MeasureIds = ["M-1", ""] };
        var received = sent.ToJson();
        received[CardInputIds.Kind] = "reduce";
        var read = CardActionData.Read(received, executeVerb: CardVerbs.Save)!;
        Assert.Equal(CardVerbs.Save, read.Verb);
        Assert.Equal(sent.Step, read.Step);
        Assert.Equal(("A-1", "3"), (read.AssessmentId, read.Stamp));
        Assert.Equal(sent.MeasureIds, read.MeasureIds);
        Assert.Null(CardActionData.Read(new JsonObject { ["assessmentId"] = "A-1" }));
    }

    [Theory]
    [InlineData("Facts", CardStepKind.Facts, null)]
    [InlineData("Score:CYB-RANSOM", CardStepKind.Score, "CYB-RANSOM")]
    [InlineData("Treatment:CUS-1", CardStepKind.Treatment, "CUS-1")]
    public void Step_tokens_round_trip(string token, CardStepKind kind, string? eventId)
    {
        var step = CardStep.Parse(token);
        Assert.Equal(new CardStep(kind, eventId), step);
        Assert.Equal(token, step!.Token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Nowhere")]
    [InlineData("7")]
    public void An_unknown_step_token_reads_as_no_step(string? token) => Assert.Null(CardStep.Parse(token));

    [Fact]
    public void Refresh_is_added_for_the_listed_users_only()
    {
        var model = CardSamples.Facts();
        Assert.Null(Flow.FactsCard.Build(model, Language.Danish)["refresh"]);
        var refreshed = Flow.FactsCard.Build(model with { Frame = model.Frame with { RefreshUserIds = ["29:1Qx9owner"] } }, Language.Danish);
        var refresh = refreshed["refresh"]!;
        Assert.Equal(CardVerbs.View, (string?)refresh["action"]!["verb"]);
        Assert.Equal("29:1Qx9owner", (string?)refresh["userIds"]![0]);
        Assert.Equal(CardSamples.AssessmentId, (string?)refresh["action"]!["data"]!["assessmentId"]);
    }
}
