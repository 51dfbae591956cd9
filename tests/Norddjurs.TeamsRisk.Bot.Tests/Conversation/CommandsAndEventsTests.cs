using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>Install, the typed commands and language (design.md §9): replies leave through the outbox, once per activity.</summary>
public sealed class CommandsAndEventsTests
{
    [Fact]
    public async Task Installing_the_bot_in_a_personal_chat_queues_one_welcome_card_with_the_open_assessments()
    {
        using var world = new BotWorld();
        await world.InvitedAsync();
        var install = world.Activity("conversationUpdate", id: "f:install");
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-app-id" });

        Assert.Equal(200, (await world.SendAsync(install)).HttpStatusCode);
        Assert.Equal(200, (await world.SendAsync(install)).HttpStatusCode);

        var reply = Assert.Single(world.Replies());
        var card = BotWorld.TextOf(BotWorld.CardOf(reply));
        Assert.Contains("Jeg hjælper dig", card, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.Start, card, StringComparison.Ordinal);
        Assert.Equal("a:1personal-" + BotWorld.Owner, reply.Conversation.ConversationId);
        Assert.Equal(BotWorld.ServiceUrl, reply.Conversation.ServiceUrl);
        Assert.Null(reply.Activity["text"]);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("Mine vurderinger")]
    [InlineData("my assessments")]
    public async Task Start_in_either_language_lists_the_owners_open_assessments(string command)
    {
        using var world = new BotWorld();
        await world.InvitedAsync();

        await world.SendAsync(world.Text(command));

        var card = BotWorld.TextOf(BotWorld.CardOf(Assert.Single(world.Replies())));
        Assert.Contains("Mine vurderinger", card, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.Open, card, StringComparison.Ordinal);
        Assert.Contains("Runde 2026", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_button_answers_the_list_in_the_invoke_response()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();

        var card = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }));

        Assert.Contains(id, BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Empty(world.Replies());
    }

    [Fact]
    public async Task An_owner_of_many_systems_pages_through_the_list_and_each_page_fits_in_Teams()
    {
        using var world = new BotWorld();
        await world.InvitedToManyAsync(12);

        var first = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }));
        var next = Assert.Single(CardSession.Actions(first, CardVerbs.Start));
        var second = await world.CardAsync(world.Invoke(CardVerbs.Start, next.DeepClone().AsObject()));

        Assert.Contains("Viser 1–8 af 12", BotWorld.TextOf(first), StringComparison.Ordinal);
        Assert.Contains("Viser 9–12 af 12", BotWorld.TextOf(second), StringComparison.Ordinal);
        Assert.Equal(8, CardSession.Actions(first, CardVerbs.Open).Count());
        Assert.Equal(4, CardSession.Actions(second, CardVerbs.Open).Count());
        var opened = CardSession.Actions(first, CardVerbs.Open).Concat(CardSession.Actions(second, CardVerbs.Open))
            .Select(data => (string)data["assessmentId"]!).ToHashSet();
        Assert.Equal(12, opened.Count);
        Assert.True(Norddjurs.TeamsRisk.Cards.Building.CardSize.Fits(first) && Norddjurs.TeamsRisk.Cards.Building.CardSize.Fits(second));
    }

    [Fact]
    public async Task Someone_without_systems_gets_an_empty_list_not_someone_elses()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();

        var card = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, BotWorld.Stranger));

        Assert.DoesNotContain(id, BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Contains("ingen åbne vurderinger", BotWorld.TextOf(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sprog_switches_to_English_and_the_choice_outranks_the_Teams_locale()
    {
        using var world = new BotWorld();
        await world.InvitedAsync();

        await world.SendAsync(world.Text("sprog engelsk"));
        await world.SendAsync(world.Text("start"));

        var replies = world.Replies();
        Assert.Equal(2, replies.Count);
        Assert.Contains("I help you assess", BotWorld.TextOf(BotWorld.CardOf(replies[0])), StringComparison.Ordinal);
        Assert.Contains("My assessments", BotWorld.TextOf(BotWorld.CardOf(replies[1])), StringComparison.Ordinal);
        Assert.Equal(Language.English, await new UserPreferences(world.Store).LanguageAsync(BotWorld.Owner, "da-DK", BotWorld.Ct));
    }

    [Fact]
    public async Task Without_a_choice_the_Teams_locale_decides_and_Danish_is_the_fallback()
    {
        using var world = new BotWorld();
        var english = world.Activity("message", locale: "en-US");
        english["text"] = "help";
        var german = world.Activity("message", locale: "de-DE");
        german["text"] = "hilfe";

        await world.SendAsync(english);
        await world.SendAsync(german);

        var replies = world.Replies();
        Assert.Contains("I help you assess", BotWorld.TextOf(BotWorld.CardOf(replies[0])), StringComparison.Ordinal);
        Assert.Contains("Jeg hjælper dig", BotWorld.TextOf(BotWorld.CardOf(replies[1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_message_is_answered_once()
    {
        using var world = new BotWorld();
        var message = world.Text("start", id: "1700000000001");

        await world.SendAsync(message);
        await world.SendAsync(message);

        Assert.Single(world.Replies());
    }

    [Fact]
    public async Task A_card_action_from_someone_Teams_does_not_identify_is_refused_in_the_card()
    {
        using var world = new BotWorld();
        await world.InvitedAsync();

        var card = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, objectId: null));

        Assert.Contains("Vi kan ikke se, hvem du er", BotWorld.TextOf(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flow.delete")]
    [InlineData("")]
    public async Task A_forged_or_missing_verb_gets_an_error_card_and_changes_nothing(string verb)
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var before = await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct);

        var card = await world.CardAsync(world.Invoke(verb, new JsonObject { ["verb"] = verb, ["assessmentId"] = id }));

        Assert.Contains("Den handling kender botten ikke", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Equal(before!.Version, (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version);
    }

    [Fact]
    public async Task Opening_another_owners_or_an_unknown_assessment_says_not_found()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();

        var stranger = await world.CardAsync(world.Invoke(CardVerbs.Open, new JsonObject { ["verb"] = CardVerbs.Open, ["assessmentId"] = id }, BotWorld.Stranger));
        var unknown = await world.CardAsync(world.Invoke(CardVerbs.Open, new JsonObject { ["verb"] = CardVerbs.Open, ["assessmentId"] = "round-x:NOPE" }));

        Assert.Contains("Vi kan ikke finde den vurdering", BotWorld.TextOf(stranger), StringComparison.Ordinal);
        Assert.Contains("Vi kan ikke finde den vurdering", BotWorld.TextOf(unknown), StringComparison.Ordinal);
        Assert.Equal(Core.Assessments.AssessmentState.Invited, (await world.AssessmentAsync(id)).State);
    }

    [Fact]
    public async Task The_committee_cannot_fill_in_an_owners_assessment()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();

        var card = await world.CardAsync(world.Invoke(CardVerbs.Open, new JsonObject { ["verb"] = CardVerbs.Open, ["assessmentId"] = id }, BotWorld.Committee));

        Assert.Contains("Kun systemejeren", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Equal(Core.Assessments.AssessmentState.Invited, (await world.AssessmentAsync(id)).State);
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_implement_is_501()
    {
        using var world = new BotWorld();
        var fetch = world.Activity("invoke");
        fetch["name"] = "task/fetch";

        Assert.Equal(501, (await world.SendAsync(fetch)).HttpStatusCode);
    }
}
