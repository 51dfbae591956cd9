using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Tests.Conversation;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Escalation;

/// <summary>
/// The decision card of an escalation (design.md §3): sent to the band's authority in their 1:1 chat, acted on there with
/// endorse, require or accept; only that authority or a higher rank decides, within the band's acceptance maximum.
/// </summary>
public sealed class EscalationCardTests
{
    private static string PersonalChat(string objectId) => "a:1personal-" + objectId;

    [Fact]
    public async Task The_approved_Hoj_line_sends_the_decision_card_to_the_area_manager_in_their_1_1_chat()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);

        await world.Committee.DeliverAsync(OutboxKinds.TeamsSend);

        var sent = Assert.Single(world.Committee.Connector.Calls, c => c.Operation == "send" && c.Conversation == PersonalChat(EscalationWorld.Manager));
        var card = ((CardMessage)sent.Message).Card;
        Assert.Contains("Risiko til beslutning: ", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Contains("Udvalget indstiller", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Single(CardSession.Actions(card, CardVerbs.EscalationEndorse));
        Assert.Single(CardSession.Actions(card, CardVerbs.EscalationRequire));
        Assert.Single(CardSession.Actions(card, CardVerbs.EscalationAccept));
        Assert.Equal(escalation.Id, (string?)CardSession.Actions(card, CardVerbs.EscalationEndorse).Single()["escalationId"]);
    }

    [Fact]
    public async Task A_notice_to_the_directorate_reaches_each_member_the_bot_knows_in_their_own_chat_as_the_decision_card()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var notification = new Notification(NotificationTemplates.EscalationPending, NotificationTarget.ForRole(Role.Directorate.Id()),
            new Dictionary<string, string> { ["escalationId"] = escalation.Id, ["assessmentId"] = escalation.AssessmentId });
        var message = new OutboxMessage("directorate-1", OutboxKinds.TeamsSend, "k", StoreJson.Serialize(notification), world.Bot.Time.GetUtcNow());

        var result = await world.Committee.Sender.SendAsync(new OutboxRow(message, OutboxStatus.Pending, 0, message.CreatedAt, null, "test", null, 1), BotWorld.Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var sent = Assert.Single(world.Committee.Connector.Calls, c => c.Conversation == PersonalChat(EscalationWorld.Director));
        Assert.Contains("Risiko til beslutning: ", BotWorld.TextOf(((CardMessage)sent.Message).Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_area_manager_endorses_with_a_shortened_deadline_the_measures_bind_and_the_owner_and_committee_are_told()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);

        var decided = await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationEndorse, EscalationWorld.Manager, inputs =>
        {
            foreach (var key in inputs.Keys.Where(k => k.StartsWith("deadlines[", StringComparison.Ordinal)).ToList())
            {
                inputs[key] = "2026-04-15";
            }
        }));

        Assert.Contains("Tiltagene godkendt af Mette Lund", BotWorld.TextOf(decided), StringComparison.Ordinal);
        Assert.Empty(CardSession.Actions(decided, CardVerbs.EscalationEndorse));
        var stored = (await world.EscalationAsync(Role.AreaManager)).Decision;
        Assert.Equal(EscalationDecisionKind.EndorseMeasures, stored?.Kind);
        Assert.Equal(new DateOnly(2026, 4, 15), Assert.Single(stored!.ShortenedDeadlines).Value);
        Assert.Equal(AssessmentState.Decided, (await world.Bot.AssessmentAsync(world.Committee.AssessmentId)).State);
        Assert.Contains(world.Outbox(), n => n.Template == NotificationTemplates.EscalationDecided && n.To.UserObjectId == BotWorld.Owner);
        Assert.Contains(world.Outbox(), n => n.Template == NotificationTemplates.EscalationDecided && n.To.Role == Role.Committee.Id());
        await world.Committee.DeliverAsync(OutboxKinds.TeamsSend);
        var toOwner = Assert.Single(world.Committee.Connector.Calls, c => c.Operation == "send" && c.Conversation == PersonalChat(BotWorld.Owner)
            && BotWorld.TextOf(((CardMessage)c.Message).Card).Contains("Beslutning om risiko", StringComparison.Ordinal));
        Assert.Contains("Tiltagene godkendt af Mette Lund", BotWorld.TextOf(((CardMessage)toOwner.Message).Card), StringComparison.Ordinal);
        Assert.Contains(world.Committee.Connector.Calls, c => c.Operation == "create-thread"
            && BotWorld.TextOf(((CardMessage)c.Message).Card).Contains("Tiltagene godkendt af Mette Lund", StringComparison.Ordinal));
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.Contains(audit, a => a.Action == AuditAction.DecisionRecorded && a.Actor.ObjectId == EscalationWorld.Manager);
    }

    [Fact]
    public async Task Requiring_other_measures_tracks_a_binding_measure_with_its_deadline()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);

        var decided = await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationRequire, EscalationWorld.Manager, inputs =>
        {
            inputs[CardInputIds.RequiredMeasure] = "Netværkssegmentering af omsorgssystemet";
            inputs[CardInputIds.RequiredDeadline] = "2026-06-01";
        }));

        Assert.Contains("Andre tiltag krævet af Mette Lund", BotWorld.TextOf(decided), StringComparison.Ordinal);
        Assert.Contains("Netværkssegmentering", BotWorld.TextOf(decided), StringComparison.Ordinal);
        var measures = await world.Bot.Store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", world.Committee.AssessmentId, BotWorld.Ct);
        Assert.Contains(measures, m => m.Value.Binding && m.Value.Deadline == new DateOnly(2026, 6, 1) && m.Value.ResponsibleObjectId == BotWorld.Owner);
    }

    [Fact]
    public async Task A_director_a_higher_rank_accepts_with_justification_end_date_case_number_and_minutes()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Director);

        var decided = await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationAccept, EscalationWorld.Director, inputs =>
        {
            inputs[CardInputIds.AcceptJustification] = "Leverandøren udskifter systemet i efteråret.";
            inputs[CardInputIds.AcceptUntil] = "2026-09-01";
            inputs[CardInputIds.AcceptCaseNumber] = "26-001234";
            inputs[CardInputIds.AcceptMinutes] = "Direktionsmøde 2026-03-02, pkt. 4";
        }));

        var text = BotWorld.TextOf(decided);
        Assert.Contains("Risikoen accepteret af Jens Direktør", text, StringComparison.Ordinal);
        Assert.Contains("26-001234", text, StringComparison.Ordinal);
        var stored = (await world.EscalationAsync(Role.AreaManager)).Decision!;
        Assert.Equal((EscalationDecisionKind.Accept, Role.Directorate, new DateOnly(2026, 9, 1)), (stored.Kind, stored.DecidedAs, stored.AcceptedUntil!.Value));
    }

    [Fact]
    public async Task A_lower_rank_is_refused_and_nothing_changes()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var managers = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        var owners = await world.ViewAsync(escalation.Id, BotWorld.Owner);

        var refused = await world.Bot.CardAsync(world.Press(managers, CardVerbs.EscalationEndorse, BotWorld.Owner));

        Assert.Empty(CardSession.Actions(owners, CardVerbs.EscalationEndorse));
        Assert.Contains("Kun båndets beslutningskompetence", BotWorld.TextOf(refused), StringComparison.Ordinal);
        Assert.Empty(CardSession.Actions(refused, CardVerbs.EscalationEndorse));
        await AssertPendingAsync(world);
    }

    [Fact]
    public async Task An_acceptance_beyond_the_bands_maximum_is_refused_next_to_the_date_and_nothing_is_saved()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);

        var refused = await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationAccept, EscalationWorld.Manager, inputs =>
        {
            inputs[CardInputIds.AcceptJustification] = "Vi lever med det.";
            inputs[CardInputIds.AcceptUntil] = "2029-01-01";
        }));

        Assert.Contains("kan højst accepteres i", BotWorld.TextOf(refused), StringComparison.Ordinal);
        Assert.Contains("Vi lever med det.", refused.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(CardSession.Actions(refused, CardVerbs.EscalationAccept));
        await AssertPendingAsync(world);
    }

    [Fact]
    public async Task A_compliance_gap_is_not_offered_for_acceptance_and_an_acceptance_sent_anyway_is_refused()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var before = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        await world.MarkComplianceGapAsync(Role.AreaManager, "dpa");
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        var accept = CardSession.Actions(before, CardVerbs.EscalationAccept).Single();
        accept["stamp"] = CardSession.Actions(card, CardVerbs.EscalationEndorse).Single()["stamp"]!.DeepClone();
        accept[CardInputIds.AcceptJustification] = "Vi accepterer.";
        accept[CardInputIds.AcceptUntil] = "2026-06-01";

        var refused = await world.Bot.CardAsync(world.Bot.Invoke(CardVerbs.EscalationAccept, accept, EscalationWorld.Director));

        Assert.Empty(CardSession.Actions(card, CardVerbs.EscalationAccept));
        Assert.Contains("Compliance-mangel", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Contains("compliance", BotWorld.TextOf(refused), StringComparison.OrdinalIgnoreCase);
        await AssertPendingAsync(world);
    }

    [Fact]
    public async Task A_card_from_before_another_change_is_stale_and_answers_the_current_view()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        var data = CardSession.Actions(card, CardVerbs.EscalationEndorse).Single();
        data["stamp"] = "0";

        var stale = await world.Bot.CardAsync(world.Bot.Invoke(CardVerbs.EscalationEndorse, data, EscalationWorld.Manager));

        Assert.Contains("Kortet var ikke længere aktuelt", BotWorld.TextOf(stale), StringComparison.Ordinal);
        await AssertPendingAsync(world);
    }

    [Fact]
    public async Task A_retried_decision_is_applied_once_and_answers_as_the_first_time()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        var press = world.Press(card, CardVerbs.EscalationEndorse, EscalationWorld.Manager, activityId: "f:endorse-once");

        var first = await world.Bot.CardAsync(press);
        var again = await world.Bot.CardAsync(press.DeepClone().AsObject());

        Assert.True(JsonNode.DeepEquals(first, again));
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.Single(audit, a => a.Action == AuditAction.DecisionRecorded);
    }

    [Fact]
    public async Task A_second_decision_on_a_decided_escalation_shows_the_decision_and_changes_nothing()
    {
        using var world = await EscalationWorld.ApprovedAsync();
        var escalation = await world.EscalationAsync(Role.AreaManager);
        var card = await world.ViewAsync(escalation.Id, EscalationWorld.Manager);
        await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationEndorse, EscalationWorld.Manager));

        var late = await world.Bot.CardAsync(world.Press(card, CardVerbs.EscalationRequire, EscalationWorld.Director, inputs =>
        {
            inputs[CardInputIds.RequiredMeasure] = "Noget andet";
            inputs[CardInputIds.RequiredDeadline] = "2026-06-01";
        }));

        Assert.Contains("Der er allerede truffet beslutning", BotWorld.TextOf(late), StringComparison.Ordinal);
        Assert.Equal(EscalationDecisionKind.EndorseMeasures, (await world.EscalationAsync(Role.AreaManager)).Decision?.Kind);
    }

    private static async Task AssertPendingAsync(EscalationWorld world)
    {
        var escalation = await world.EscalationAsync(Role.AreaManager);
        Assert.Equal(EscalationState.Pending, escalation.State);
        Assert.Null(escalation.Decision);
        var audit = await world.Bot.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.DoesNotContain(audit, a => a.Action == AuditAction.DecisionRecorded);
    }
}
