using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Tests.Conversation;
using Norddjurs.TeamsRisk.Bot.Tests.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Committee;

/// <summary>
/// The committee's card in its channel (risk-method.md §2.1 step 8, design.md §3): posted as a new thread with its ids kept,
/// a view per person, Approve with a recommendation for every line above the appetite, Return with a comment, and the
/// card updated in place for everyone after the decision.
/// </summary>
public sealed class CommitteeCardTests
{
    private const string Recommendation = "Udvalget støtter ejerens plan og indstiller, at fristen holdes.";

    [Fact]
    public async Task A_submission_is_posted_as_a_new_thread_with_the_committee_card_and_its_ids_are_kept()
    {
        using var world = await CommitteeWorld.SubmittedAsync();

        await world.DeliverAsync(OutboxKinds.TeamsSend);

        var post = Assert.Single(world.Connector.Calls, c => c.Operation == "create-thread");
        Assert.Equal(BotWorld.CommitteeChannel, post.Conversation);
        var card = ((CardMessage)post.Message).Card;
        Assert.Contains("Til udvalget: ", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Empty(CardSession.Actions(card, CardVerbs.CommitteeApprove));
        Assert.Single(CardSession.Actions(card, CardVerbs.CommitteeReview));
        var stored = (await world.Bot.AssessmentAsync(world.AssessmentId)).CommitteePost;
        Assert.NotNull(stored);
        Assert.Equal((BotWorld.CommitteeChannel + ";messageid=" + RecordingConnector.RootActivityId, RecordingConnector.RootActivityId), (stored.ConversationId, stored.ActivityId));
    }

    [Fact]
    public async Task The_posted_card_asks_the_committee_members_the_bot_knows_to_refresh_by_their_Teams_ids()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        await world.Bot.SendAsync(world.Bot.Text("hej", BotWorld.Committee));
        await world.Bot.SendAsync(world.Bot.Text("hej", BotWorld.Stranger));

        await world.DeliverAsync(OutboxKinds.TeamsSend);

        var card = ((CardMessage)Assert.Single(world.Connector.Calls, c => c.Operation == "create-thread").Message).Card;
        Assert.Equal(CardVerbs.CommitteeView, (string?)card["refresh"]!["action"]!["verb"]);
        Assert.Equal(["29:1" + BotWorld.Committee], card["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task A_refresh_gives_a_member_the_actionable_view_and_everyone_else_the_read_only_one()
    {
        using var world = await CommitteeWorld.SubmittedAsync();

        var member = await world.ViewAsync(BotWorld.Committee);
        var stranger = await world.ViewAsync(BotWorld.Stranger);
        var owner = await world.ViewAsync(BotWorld.Owner);

        Assert.Single(CardSession.Actions(member, CardVerbs.CommitteeApprove));
        Assert.Single(CardSession.Actions(member, CardVerbs.CommitteeReturn));
        Assert.Contains(CardInputIds.Recommendation(OwnerWalk.Ransomware), Inputs(member).Keys);
        foreach (var readOnly in new[] { stranger, owner })
        {
            Assert.Empty(CardSession.Actions(readOnly, CardVerbs.CommitteeApprove));
            Assert.DoesNotContain(Inputs(readOnly).Keys, k => k.StartsWith("recommendations[", StringComparison.Ordinal));
            Assert.Contains("Til udvalget: ", BotWorld.TextOf(readOnly), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_review_button_gives_a_member_the_actionable_view_and_tells_anyone_else_why_not()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        await world.DeliverAsync(OutboxKinds.TeamsSend);
        var posted = ((CardMessage)Assert.Single(world.Connector.Calls, c => c.Operation == "create-thread").Message).Card;

        var member = await world.Bot.CardAsync(world.Press(posted, CardVerbs.CommitteeReview, BotWorld.Committee));
        var stranger = await world.Bot.CardAsync(world.Press(posted, CardVerbs.CommitteeReview, BotWorld.Stranger));

        Assert.Single(CardSession.Actions(member, CardVerbs.CommitteeApprove));
        Assert.Empty(CardSession.Actions(stranger, CardVerbs.CommitteeApprove));
        Assert.Contains("Kun udvalgets medlemmer", BotWorld.TextOf(stranger), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_committee_channel_a_stranger_cannot_read_the_card()
    {
        using var world = await CommitteeWorld.SubmittedAsync();

        var card = await world.Bot.CardAsync(world.Bot.Invoke(CardVerbs.CommitteeView,
            new JsonObject { ["verb"] = CardVerbs.CommitteeView, ["assessmentId"] = world.AssessmentId }, BotWorld.Stranger));

        Assert.DoesNotContain("Til udvalget", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Contains("Vi kan ikke finde", BotWorld.TextOf(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_with_a_recommendation_for_every_line_above_the_appetite_decides_tells_the_owner_and_updates_the_card_in_place()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        await world.DeliverAsync(OutboxKinds.TeamsSend);
        var member = await world.ViewAsync(BotWorld.Committee);

        var decided = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, RecommendEverything));

        Assert.Contains("Godkendt af", BotWorld.TextOf(decided), StringComparison.Ordinal);
        Assert.Contains(Recommendation, BotWorld.TextOf(decided), StringComparison.Ordinal);
        Assert.Empty(CardSession.Actions(decided, CardVerbs.CommitteeApprove));
        var record = await world.Bot.AssessmentAsync(world.AssessmentId);
        Assert.Equal(AssessmentState.Escalated, record.State);
        Assert.Equal(BotWorld.Committee, record.Review?.ByObjectId);
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.Contains(audit, a => a.Action == AuditAction.AssessmentApproved && a.Channel == AuditChannel.Bot && a.Actor.ObjectId == BotWorld.Committee);
        Assert.Contains(world.Outbox(OutboxKinds.TeamsSend), n => n.Template == NotificationTemplates.Approved && n.To.UserObjectId == BotWorld.Owner);

        var updated = await world.DeliverAsync(OutboxKinds.TeamsUpdate);

        Assert.IsType<DeliveryResult.Delivered>(Assert.Single(updated));
        var put = Assert.Single(world.Connector.Calls, c => c.Operation == "update");
        Assert.Equal((record.CommitteePost!.ConversationId, RecordingConnector.RootActivityId), (put.Conversation, put.ActivityId));
        var everyone = ((CardMessage)put.Message).Card;
        Assert.Contains("Godkendt af", BotWorld.TextOf(everyone), StringComparison.Ordinal);
        Assert.Null(everyone["refresh"]);
    }

    [Fact]
    public async Task Approve_without_a_recommendation_shows_the_message_next_to_its_field_and_saves_nothing()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);

        var refused = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee,
            inputs => inputs[CardInputIds.ReturnComment] = "Et udkast"));

        var field = CardInputIds.Recommendation(OwnerWalk.Ransomware);
        var body = refused["body"]!.AsArray();
        var at = body.Select((node, i) => (node, i)).Single(p => (string?)p.node!["id"] == field).i;
        Assert.Equal("Attention", (string?)body[at + 1]!["color"]);
        Assert.Equal("Et udkast", Inputs(refused)[CardInputIds.ReturnComment]);
        await AssertUnchangedAsync(world);
    }

    [Fact]
    public async Task An_over_long_recommendation_is_refused_with_its_length()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);

        var refused = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, inputs =>
        {
            RecommendEverything(inputs);
            inputs[CardInputIds.Recommendation(OwnerWalk.Ransomware)] = new string('x', 2001);
        }));

        Assert.Contains("højst være 2000 tegn, men er 2001", BotWorld.TextOf(refused), StringComparison.Ordinal);
        await AssertUnchangedAsync(world);
    }

    [Fact]
    public async Task Return_needs_a_comment_and_then_sends_the_assessment_back_to_its_owner()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);

        var refused = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeReturn, BotWorld.Committee));
        await AssertUnchangedAsync(world);
        var returned = await world.Bot.CardAsync(world.Press(refused, CardVerbs.CommitteeReturn, BotWorld.Committee,
            inputs => inputs[CardInputIds.ReturnComment] = "Ransomware er vurderet for lavt."));

        Assert.Contains("Sendt tilbage til ejeren af", BotWorld.TextOf(returned), StringComparison.Ordinal);
        Assert.Contains("Ransomware er vurderet for lavt.", BotWorld.TextOf(returned), StringComparison.Ordinal);
        var record = await world.Bot.AssessmentAsync(world.AssessmentId);
        Assert.Equal((AssessmentState.Returned, "Ransomware er vurderet for lavt."), (record.State, record.ReturnComment));
        Assert.Contains(world.Outbox(OutboxKinds.TeamsSend), n => n.Template == NotificationTemplates.Returned && n.To.UserObjectId == BotWorld.Owner);
        Assert.Single(world.Outbox(OutboxKinds.TeamsUpdate));
    }

    [Fact]
    public async Task Someone_outside_the_committee_cannot_approve_and_nothing_changes()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);

        foreach (var outsider in new[] { BotWorld.Stranger, BotWorld.Owner })
        {
            var refused = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeApprove, outsider, RecommendEverything));

            Assert.Contains("Kun udvalgets medlemmer", BotWorld.TextOf(refused), StringComparison.Ordinal);
            Assert.Empty(CardSession.Actions(refused, CardVerbs.CommitteeApprove));
        }

        await AssertUnchangedAsync(world);
    }

    [Fact]
    public async Task An_action_from_a_stale_card_shows_the_current_card_and_saves_nothing()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);
        var press = world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, RecommendEverything);
        press["value"]!["action"]!["data"]!["stamp"] = "1";

        var stale = await world.Bot.CardAsync(press);

        Assert.Contains("Kortet var ikke længere aktuelt", BotWorld.TextOf(stale), StringComparison.Ordinal);
        Assert.Single(CardSession.Actions(stale, CardVerbs.CommitteeApprove));
        await AssertUnchangedAsync(world);
    }

    [Fact]
    public async Task A_decision_on_a_card_already_decided_is_not_applied_again()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);
        await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeReturn, BotWorld.Committee, inputs => inputs[CardInputIds.ReturnComment] = "Ret tallene."));

        var late = await world.Bot.CardAsync(world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, RecommendEverything));

        Assert.Contains("allerede truffet sin afgørelse", BotWorld.TextOf(late), StringComparison.Ordinal);
        Assert.Equal(AssessmentState.Returned, (await world.Bot.AssessmentAsync(world.AssessmentId)).State);
    }

    [Fact]
    public async Task A_replayed_approval_applies_once_and_answers_as_the_first_time()
    {
        using var world = await CommitteeWorld.SubmittedAsync();
        var member = await world.ViewAsync(BotWorld.Committee);
        var press = world.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, RecommendEverything, activityId: "f:approve-once");

        var first = await world.Bot.CardAsync(press);
        var again = await world.Bot.CardAsync(press.DeepClone().AsObject());

        Assert.True(JsonNode.DeepEquals(first, again));
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.Single(audit, a => a.Action == AuditAction.AssessmentApproved);
        Assert.Single(world.Outbox(OutboxKinds.TeamsUpdate));
    }

    private static void RecommendEverything(Dictionary<string, string> inputs)
    {
        foreach (var key in inputs.Keys.Where(k => k.StartsWith("recommendations[", StringComparison.Ordinal)).ToList())
        {
            inputs[key] = Recommendation;
        }
    }

    private static Dictionary<string, string> Inputs(JsonObject card) => Testing.Cards.CardInputs.Defaults(card);

    private static async Task AssertUnchangedAsync(CommitteeWorld world)
    {
        var record = await world.Bot.AssessmentAsync(world.AssessmentId);
        Assert.Equal(AssessmentState.Submitted, record.State);
        Assert.Null(record.Review);
        Assert.Empty(world.Outbox(OutboxKinds.TeamsUpdate));
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.DoesNotContain(audit, a => a.Action is AuditAction.AssessmentApproved or AuditAction.AssessmentReturned);
    }
}
