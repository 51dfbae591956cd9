using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §5: in order per conversation, claimed by version, retried, dead-lettered.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task Only_the_first_undelivered_message_of_a_conversation_is_due()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1", "conv-1"), Given.Message("o-2", "conv-2")]));
        await CommitOkAsync(Given.Change("k-2", outbox: [Given.Message("o-3", "conv-1")]));
        var now = Clock.GetUtcNow();

        var due = await Store.ReadDueOutboxAsync(now, 10, Ct);
        var first = await Store.TryClaimAsync("o-1", due[0].Version, "dispatcher-a", now.AddMinutes(1), Ct);
        await Store.MarkSentAsync("o-1", first!.Version, now, Ct);
        var next = await Store.ReadDueOutboxAsync(now, 10, Ct);

        Assert.Equal(["o-1", "o-2"], due.Select(r => r.Message.Id));
        Assert.Equal(["o-2", "o-3"], next.Select(r => r.Message.Id));
        Assert.All(due, r => Assert.Equal(OutboxStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Two_dispatchers_claiming_one_row_never_both_win()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var now = Clock.GetUtcNow();
        var instances = new[] { Store, OpenSecondInstance() };
        var row = (await Store.ReadDueOutboxAsync(now, 10, Ct)).Single();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() =>
            instances[n % 2].TryClaimAsync("o-1", row.Version, $"dispatcher-{n}", now.AddMinutes(1), Ct))));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(row.Version + 1, winner.Version);
        Assert.Empty(await Store.ReadDueOutboxAsync(now, 10, Ct));
    }

    [Fact]
    public async Task A_claim_that_expires_lets_another_dispatcher_take_the_row_and_fences_the_first()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var row = (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Single();
        var crashed = await Store.TryClaimAsync("o-1", row.Version, "dispatcher-a", Clock.GetUtcNow().AddMinutes(1), Ct);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var again = (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Single();
        var takeover = await Store.TryClaimAsync("o-1", again.Version, "dispatcher-b", Clock.GetUtcNow().AddMinutes(1), Ct);

        Assert.Equal("dispatcher-b", takeover!.ClaimedBy);
        Assert.False(await Store.MarkSentAsync("o-1", crashed!.Version, Clock.GetUtcNow(), Ct));
        Assert.True(await Store.MarkSentAsync("o-1", takeover.Version, Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task A_retried_message_waits_for_its_next_attempt_and_keeps_the_error()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var row = (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Single();
        var claimed = await Store.TryClaimAsync("o-1", row.Version, "dispatcher-a", Clock.GetUtcNow().AddMinutes(1), Ct);

        Assert.True(await Store.MarkRetryAsync("o-1", claimed!.Version, Clock.GetUtcNow().AddSeconds(30), "429 Retry-After 30", Ct));
        Assert.Empty(await Store.ReadDueOutboxAsync(Clock.GetUtcNow().AddSeconds(29), 10, Ct));
        var due = Assert.Single(await Store.ReadDueOutboxAsync(Clock.GetUtcNow().AddSeconds(30), 10, Ct));

        Assert.Equal(1, due.Attempts);
        Assert.Equal("429 Retry-After 30", due.LastError);
        Assert.Null(due.ClaimedBy);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(30), due.NextAttemptAt);
    }

    [Fact]
    public async Task A_dead_letter_keeps_its_reason_and_no_longer_holds_back_its_conversation()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1"), Given.Message("o-2")]));
        var row = (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Single();
        var claimed = await Store.TryClaimAsync("o-1", row.Version, "dispatcher-a", Clock.GetUtcNow().AddMinutes(1), Ct);

        Assert.True(await Store.MarkDeadAsync("o-1", claimed!.Version, "403 bot blocked by user", Clock.GetUtcNow().AddMinutes(1), Ct));

        var dead = Assert.Single((await Store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(("o-1", OutboxStatus.Dead, "403 bot blocked by user", 1), (dead.Message.Id, dead.Status, dead.LastError, dead.Attempts));
        Assert.Equal(["o-2"], (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Select(r => r.Message.Id));
        Assert.False(await Store.MarkSentAsync("o-1", dead.Version, Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task A_message_reads_back_as_it_was_written()
    {
        var message = new OutboxMessage("o-1", OutboxKinds.TeamsUpdate, "19:committee@thread.tacv2", """{"activityId":"1:abc","card":{}}""", Given.Start.AddMinutes(3));
        await CommitOkAsync(Given.Change("k-1", outbox: [message]));

        var row = Assert.Single(await Store.ReadDueOutboxAsync(Given.Start.AddMinutes(3), 10, Ct));

        Assert.Equal(message, row.Message);
        Assert.Equal((OutboxStatus.Pending, 0, (string?)null), (row.Status, row.Attempts, row.LastError));
        Assert.Empty(await Store.ReadDueOutboxAsync(Given.Start.AddMinutes(2), 10, Ct));
    }
}
