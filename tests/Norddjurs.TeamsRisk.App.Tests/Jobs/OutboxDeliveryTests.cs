using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.Workflows.Ports;
using static Norddjurs.TeamsRisk.App.Tests.Jobs.Commits;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The dispatcher's rounds (design.md §5) on a real SQLite file, two instances where it matters, on a fake clock.</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_dispatchers_deliver_200_messages_exactly_once_each_in_commit_order_per_recipient_and_paced()
    {
        var time = _database.Time;
        var (storeA, storeB) = (_database.Open(), _database.Open());
        var recipients = Enumerable.Range(1, 7).Select(n => $"oid-{n}").ToArray();
        var committed = new List<OutboxMessage>();
        for (var change = 0; committed.Count < 200; change++)
        {
            // Changes of one to three notifications, alternating between the two instances' stores.
            var notifications = Enumerable.Range(0, Math.Min(1 + (change % 3), 200 - committed.Count))
                .Select(i => Invitation(recipients[(change + i) % recipients.Length])).ToArray();
            committed.AddRange(await NotifyAsync(change % 2 == 0 ? storeA : storeB, $"change-{change}", time.GetUtcNow(), notifications));
        }

        var log = new ConcurrentQueue<Delivery>();
        var dispatcherA = Instances.Dispatcher(storeA, "instance-a", time, new RecordingSender("instance-a", time, log));
        var dispatcherB = Instances.Dispatcher(storeB, "instance-b", time, new RecordingSender("instance-b", time, log));

        // One round each first, so both instances certainly deliver (a race alone may let one claim everything).
        await dispatcherA.RunOnceAsync(Ct);
        await dispatcherB.RunOnceAsync(Ct);
        for (var second = 0; second < 60 && log.Count < committed.Count; second++)
        {
            // Both instances at once, on threads of their own, so their claims really race.
            await Task.WhenAll(Task.Run(() => dispatcherA.RunOnceAsync(Ct)), Task.Run(() => dispatcherB.RunOnceAsync(Ct)));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var deliveries = log.ToList();
        Assert.Equal(committed.Select(m => m.Id).Order(), deliveries.Select(d => d.MessageId).Order());
        foreach (var recipient in committed.GroupBy(m => m.OrderingKey))
        {
            Assert.Equal(recipient.Select(m => m.Id), deliveries.Where(d => d.OrderingKey == recipient.Key).Select(d => d.MessageId));
        }

        Assert.All(deliveries.GroupBy(d => (d.Dispatcher, d.At)), burst => Assert.InRange(burst.Count(), 1, 20));
        Assert.Equal(["instance-a", "instance-b"], deliveries.Select(d => d.Dispatcher).Distinct().Order());
        Assert.Empty(await storeA.ReadDueOutboxAsync(time.GetUtcNow().AddYears(1), 10, Ct));
        Assert.Empty((await storeA.ReadDeadLettersAsync(10, null, Ct)).Rows);
    }

    [Fact]
    public async Task A_round_stops_at_20_sends_and_says_how_long_to_wait()
    {
        var store = _database.Open();
        var time = _database.Time;
        await NotifyAsync(store, "round-start", time.GetUtcNow(), [.. Enumerable.Range(1, 25).Select(n => Invitation($"oid-{n}"))]);
        var sender = new RecordingSender("instance-a", time);
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        var first = await dispatcher.RunOnceAsync(Ct);
        time.Advance(first.PausedFor!.Value);
        var second = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(20, first.Delivered);
        Assert.Equal(TimeSpan.FromSeconds(1), first.PausedFor);
        Assert.Equal(new OutboxRound(5, 0, 0, null), second);
        Assert.Equal(25, sender.Log.Count);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_the_backoff_and_then_delivered()
    {
        var store = _database.Open();
        var time = _database.Time;
        var message = (await NotifyAsync(store, "submit-1", time.GetUtcNow(), Invitation("oid-anne")))[0];
        var sender = new RecordingSender("instance-a", time).Answer(message.Id, new DeliveryResult.RetryLater(null, "504 gateway timeout"));
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        var failed = await dispatcher.RunOnceAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(1.9));
        var tooEarly = await dispatcher.RunOnceAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var retried = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(new OutboxRound(0, 1, 0, null), failed);
        Assert.Equal(new OutboxRound(0, 0, 0, null), tooEarly);
        Assert.Equal(new OutboxRound(1, 0, 0, null), retried);
        Assert.Equal([1, 2], sender.Log.Select(d => d.Attempt));
    }

    [Fact]
    public async Task Retry_After_is_honoured_instead_of_the_backoff()
    {
        var store = _database.Open();
        var time = _database.Time;
        var message = (await NotifyAsync(store, "submit-1", time.GetUtcNow(), Invitation("oid-anne")))[0];
        var sender = new RecordingSender("instance-a", time).Answer(message.Id, new DeliveryResult.RetryLater(TimeSpan.FromSeconds(30), "429 Throttled"));
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        await dispatcher.RunOnceAsync(Ct);
        var row = Assert.Single(await store.ReadDueOutboxAsync(time.GetUtcNow().AddYears(1), 10, Ct));
        time.Advance(TimeSpan.FromSeconds(29));
        var beforeRetryAfter = await dispatcher.RunOnceAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var atRetryAfter = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(SharedDatabase.Start.AddSeconds(30), row.NextAttemptAt);
        Assert.Equal("429 Throttled", row.LastError);
        Assert.Equal(0, beforeRetryAfter.Delivered);
        Assert.Equal(1, atRetryAfter.Delivered);
    }

    [Fact]
    public async Task A_message_waiting_for_its_retry_holds_back_the_recipients_later_messages()
    {
        var store = _database.Open();
        var time = _database.Time;
        var messages = await NotifyAsync(store, "approve-1", time.GetUtcNow(), Invitation("oid-anne"), Invitation("oid-anne"), Invitation("oid-bo"));
        var sender = new RecordingSender("instance-a", time).Answer(messages[0].Id, new DeliveryResult.RetryLater(null, "503"));
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        await dispatcher.RunOnceAsync(Ct);
        var whileWaiting = sender.Log.Select(d => d.MessageId).ToList();
        time.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.RunOnceAsync(Ct);

        Assert.Equal([messages[0].Id, messages[2].Id], whileWaiting);
        Assert.Equal([messages[0].Id, messages[2].Id, messages[0].Id, messages[1].Id], sender.Log.Select(d => d.MessageId));
    }

    [Fact]
    public async Task A_final_failure_goes_to_the_dead_letters_with_its_reason_and_does_not_hold_back_the_recipients_later_messages()
    {
        var store = _database.Open();
        var time = _database.Time;
        var messages = await NotifyAsync(store, "approve-1", time.GetUtcNow(), Invitation("oid-anne"), Invitation("oid-anne"));
        var sender = new RecordingSender("instance-a", time).Answer(messages[0].Id, new DeliveryResult.Failed("403 ConversationBlockedByUser"));
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        var round = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(new OutboxRound(1, 0, 1, null), round);
        Assert.Equal([messages[0].Id, messages[1].Id], sender.Log.Select(d => d.MessageId));
        var dead = Assert.Single((await store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(messages[0].Id, dead.Message.Id);
        Assert.Equal("403 ConversationBlockedByUser", dead.LastError);
        Assert.Equal(1, dead.Attempts);
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_a_transient_failure_goes_to_the_dead_letters()
    {
        var store = _database.Open();
        var time = _database.Time;
        var message = (await NotifyAsync(store, "submit-1", time.GetUtcNow(), Invitation("oid-anne")))[0];
        var timeouts = Enumerable.Repeat<DeliveryResult>(new DeliveryResult.RetryLater(null, "timeout"), 10).ToArray();
        var sender = new RecordingSender("instance-a", time).Answer(message.Id, timeouts);
        var options = new OutboxOptions { MaxAttempts = 3, RetryMaxDelay = TimeSpan.FromSeconds(10) };
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender, options);

        var rounds = new List<OutboxRound>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            rounds.Add(await dispatcher.RunOnceAsync(Ct));
            time.Advance(options.RetryMaxDelay);
        }

        Assert.Equal([1, 1, 0, 0, 0], rounds.Select(r => r.Retrying));
        Assert.Equal([0, 0, 1, 0, 0], rounds.Select(r => r.Dead));
        Assert.Equal(3, sender.Log.Count);
        var dead = Assert.Single((await store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal("Gave up after 3 attempts: timeout", dead.LastError);
    }

    [Fact]
    public async Task A_kind_without_a_sender_goes_to_the_dead_letters_with_the_reason()
    {
        var store = _database.Open();
        var time = _database.Time;
        var mail = (await NotifyAsync(store, "escalate-1", time.GetUtcNow(), Invitation("oid-director")))[0] with { Kind = OutboxKinds.Mail, Id = "escalate-1#mail" };
        await SendAsync(store, "escalate-1-mail", mail);
        var sender = new RecordingSender("instance-a", time);
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, sender);

        var round = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(new OutboxRound(1, 0, 1, null), round);
        Assert.Equal(["escalate-1#0"], sender.Log.Select(d => d.MessageId));
        var dead = Assert.Single((await store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(mail.Id, dead.Message.Id);
        Assert.Equal("No sender is registered for outbox kind 'mail'.", dead.LastError);
    }

    [Fact]
    public async Task A_sender_that_throws_is_retried_like_a_transient_failure()
    {
        var store = _database.Open();
        var time = _database.Time;
        await NotifyAsync(store, "submit-1", time.GetUtcNow(), Invitation("oid-anne"));
        var dispatcher = Instances.Dispatcher(store, "instance-a", time, new ThrowingSender());

        var round = await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(new OutboxRound(0, 1, 0, null), round);
        var row = Assert.Single(await store.ReadDueOutboxAsync(time.GetUtcNow().AddYears(1), 10, Ct));
        Assert.Equal("The sender failed: HttpRequestException", row.LastError);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_later_registration_for_a_kind_replaces_the_earlier_sender()
    {
        var store = _database.Open();
        var time = _database.Time;
        await NotifyAsync(store, "submit-1", time.GetUtcNow(), Invitation("oid-anne"));
        var standIn = new RecordingSender("stand-in", time);
        var real = new RecordingSender("teams", time);
        var dispatcher = Instances.Dispatcher(
            store, "instance-a", time, [new OutboxSenderRegistration(OutboxKinds.TeamsSend, standIn), new OutboxSenderRegistration(OutboxKinds.TeamsSend, real)]);

        await dispatcher.RunOnceAsync(Ct);

        Assert.Empty(standIn.Log);
        Assert.Single(real.Log);
    }

    private sealed class ThrowingSender : IOutboxSender
    {
        public Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection reset");
    }
}
