using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>What the outbox's Teams sender does with each row, and how it answers the dispatcher (teams-bot-protocol.md §3.6, §5).</summary>
public sealed class TeamsOutboxSenderTests : IDisposable
{
    private readonly SenderWorld _world = new();

    private static CancellationToken Ct => SenderWorld.Ct;

    [Fact]
    public async Task A_rendered_reply_is_delivered_as_a_reply_to_the_activity_it_answers()
    {
        var result = await _world.Sender.SendAsync(SenderWorld.Reply(SenderWorld.Personal(), replyToId: "1771504120337"), Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var call = Assert.Single(_world.Connector.Calls);
        Assert.Equal(("reply", "a:1Zk3personal", "1771504120337"), (call.Operation, call.Conversation, call.ReplyToId));
        Assert.Equal(new Uri(SenderWorld.ServiceUrl), call.ServiceUrl);
        var card = Assert.IsType<CardMessage>(call.Message);
        Assert.Equal("AdaptiveCard", (string?)card.Card["type"]);
        Assert.Equal("da-DK", card.Locale);
    }

    [Fact]
    public async Task A_reply_without_an_activity_to_answer_is_sent_to_the_conversation()
    {
        await _world.Sender.SendAsync(SenderWorld.Reply(SenderWorld.Personal(), replyToId: null), Ct);

        Assert.Equal("send", Assert.Single(_world.Connector.Calls).Operation);
    }

    [Fact]
    public async Task A_notification_reaches_the_person_in_their_chat_in_the_language_they_chose()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        await _world.PreferAsync(SenderWorld.Alex.ToUpperInvariant(), "English");

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var call = Assert.Single(_world.Connector.Calls);
        Assert.Equal(("send", "a:1Zk3personal"), (call.Operation, call.Conversation));
        var message = Assert.IsType<CardMessage>(call.Message);
        Assert.Equal("en-GB", message.Locale);
        Assert.True(message.AlertInActivityFeed);
        Assert.Equal("New risk assessment", (string?)message.Card["body"]![0]!["text"]);
        Assert.Contains("5 March 2027", message.Card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_chosen_language_a_notification_is_in_Danish()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);

        await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        var message = Assert.IsType<CardMessage>(Assert.Single(_world.Connector.Calls).Message);
        Assert.Equal("da-DK", message.Locale);
        Assert.Equal("Ny risikovurdering", (string?)message.Card["body"]![0]!["text"]);
    }

    [Fact]
    public async Task A_person_the_bot_has_no_chat_with_fails_with_the_reason()
    {
        var result = await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        var failed = Assert.IsType<DeliveryResult.Failed>(result);
        Assert.StartsWith("no conversation reference", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(_world.Connector.Calls);
    }

    [Fact]
    public async Task Throttling_asks_for_a_retry_after_the_time_Teams_named()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        _world.Connector.AnswerNext(new ConnectorResult.Transient(TimeSpan.FromSeconds(30), "HTTP 429 Throttled") { AskedByService = true });

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        var retry = Assert.IsType<DeliveryResult.RetryLater>(result);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.RetryAfter);
        Assert.Contains("429", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outage_without_Retry_After_leaves_the_wait_to_the_outbox_backoff()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        _world.Connector.AnswerNext(new ConnectorResult.Transient(TimeSpan.FromSeconds(4), "HTTP 503"));

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        Assert.Null(Assert.IsType<DeliveryResult.RetryLater>(result).RetryAfter);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_fails_the_row_and_their_chat_is_marked_blocked()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        _world.Connector.AnswerNext(new ConnectorResult.Final(ConnectorFailure.Blocked, "HTTP 403 ConversationBlockedByUser"));

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(SenderWorld.Invited(NotificationTarget.User(SenderWorld.Alex))), Ct);

        Assert.Contains("ConversationBlockedByUser", Assert.IsType<DeliveryResult.Failed>(result).Reason, StringComparison.Ordinal);
        Assert.Equal(ConversationReferenceStatus.Blocked, (await _world.StoredAsync("a:1Zk3personal"))!.Status);
        Assert.Null(await _world.References.FindPersonalAsync(SenderWorld.Alex, Ct));
    }

    [Fact]
    public async Task A_conversation_that_is_gone_marks_the_reference_uninstalled()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        _world.Connector.AnswerNext(new ConnectorResult.Final(ConnectorFailure.NotFound, "HTTP 404 ConversationNotFound"));

        var result = await _world.Sender.SendAsync(SenderWorld.Reply(SenderWorld.Personal(), replyToId: null), Ct);

        Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Equal(ConversationReferenceStatus.Uninstalled, (await _world.StoredAsync("a:1Zk3personal"))!.Status);
    }

    [Fact]
    public async Task A_submission_starts_a_Danish_thread_in_the_committee_channel()
    {
        await _world.References.SaveAsync(SenderWorld.Committee(), Ct);
        await _world.PreferAsync("00000000-0000-0000-0000-0000000000031", "English");
        var submitted = new Notification(NotificationTemplates.Submitted, NotificationTarget.ForRole("committee"),
            new Dictionary<string, string> { ["assessmentId"] = "A-2026-014", ["systemId"] = "SYS-OMSORG" });

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(submitted), Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var call = Assert.Single(_world.Connector.Calls);
        Assert.Equal(("create-thread", SenderWorld.CommitteeChannel, SenderWorld.Tenant), (call.Operation, call.Conversation, call.TenantId));
        var message = Assert.IsType<CardMessage>(call.Message);
        Assert.Equal("Vurdering indsendt", (string?)message.Card["body"]![0]!["text"]);
        Assert.False(message.AlertInActivityFeed);
    }

    [Fact]
    public async Task Without_a_committee_channel_in_the_settings_the_post_fails_naming_the_setting()
    {
        using var world = new SenderWorld(new TeamsOptions());
        var submitted = new Notification(NotificationTemplates.Submitted, NotificationTarget.ForRole("committee"), new Dictionary<string, string>());

        var result = await world.Sender.SendAsync(SenderWorld.Notify(submitted), Ct);

        Assert.Contains("Teams:CommitteeChannelId", Assert.IsType<DeliveryResult.Failed>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committee_channel_without_a_reference_fails_asking_for_the_app_in_the_team()
    {
        var submitted = new Notification(NotificationTemplates.Submitted, NotificationTarget.ForRole("committee"), new Dictionary<string, string>());

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(submitted), Ct);

        Assert.StartsWith("no conversation reference for the committee channel", Assert.IsType<DeliveryResult.Failed>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_to_the_directorate_are_not_sent_in_Teams_yet()
    {
        var critical = new Notification(NotificationTemplates.SubmittedCritical, NotificationTarget.ForRole("directorate"), new Dictionary<string, string>());

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(critical), Ct);

        Assert.Contains("directorate", Assert.IsType<DeliveryResult.Failed>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(_world.Connector.Calls);
    }

    [Fact]
    public async Task The_sender_is_for_replies_notifications_and_card_updates_only()
    {
        Assert.Equal([OutboxKinds.TeamsReply, OutboxKinds.TeamsSend, OutboxKinds.TeamsUpdate], TeamsOutboxSender.Kinds);
        var result = await _world.Sender.SendAsync(SenderWorld.Row(OutboxKinds.Mail, "{}"), Ct);
        Assert.IsType<DeliveryResult.Failed>(result);
    }

    public void Dispose() => _world.Dispose();
}
