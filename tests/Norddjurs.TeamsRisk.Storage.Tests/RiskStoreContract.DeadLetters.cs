using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §5: the coordinator reads the dead letters page by page and puts one back, audited, as one change.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task Dead_letters_page_in_commit_order_with_their_reason_and_when_they_died()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1", "conv-1"), Given.Message("o-2", "conv-2"), Given.Message("o-3", "conv-3")]));
        await KillAsync("o-1", "403 bot blocked by user", Clock.GetUtcNow().AddMinutes(1));
        await KillAsync("o-2", "404 conversation not found", Clock.GetUtcNow().AddMinutes(2));
        await KillAsync("o-3", "retries exhausted: 502", Clock.GetUtcNow().AddMinutes(3));

        var first = await Store.ReadDeadLettersAsync(2, null, Ct);
        var second = await Store.ReadDeadLettersAsync(2, first.ContinuationToken, Ct);

        Assert.Equal(["o-1", "o-2"], first.Rows.Select(r => r.Message.Id));
        Assert.Equal(["o-3"], second.Rows.Select(r => r.Message.Id));
        Assert.Null(second.ContinuationToken);
        Assert.Equal(("403 bot blocked by user", Given.Start.AddMinutes(1)), (first.Rows[0].LastError, first.Rows[0].DeadAt));
        Assert.Equal(Given.Start, first.Rows[0].Message.CreatedAt);
    }

    [Fact]
    public async Task A_dead_letter_token_that_this_store_did_not_issue_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadDeadLettersAsync(10, "not-a-token", Ct));
    }

    [Fact]
    public async Task A_requeued_dead_letter_is_due_again_with_attempts_reset_and_its_audit_intent_written_with_it()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var dead = await KillAsync("o-1", "403 bot blocked by user", Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromHours(1));

        var result = await Store.RequeueDeadLetterAsync("o-1", dead.Version, Clock.GetUtcNow(), Requeue("k-requeue", "requeue#a0"), Ct);

        Assert.IsType<CommitResult.Committed>(result);
        var due = Assert.Single(await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct));
        Assert.Equal(("o-1", OutboxStatus.Pending, 0, (DateTimeOffset?)null), (due.Message.Id, due.Status, due.Attempts, due.DeadAt));
        Assert.Equal("403 bot blocked by user", due.LastError);
        Assert.Empty((await Store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(["requeue#a0"], await PendingEntryIdsAsync());
        Assert.NotNull(await Store.FindAppliedChangeAsync("k-requeue", Ct));
    }

    [Fact]
    public async Task A_replayed_requeue_applies_once_and_answers_with_the_first_result()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var dead = await KillAsync("o-1", "gone", Clock.GetUtcNow());
        await Store.RequeueDeadLetterAsync("o-1", dead.Version, Clock.GetUtcNow(), Requeue("k-requeue", "requeue#a0"), Ct);

        var again = await Store.RequeueDeadLetterAsync("o-1", dead.Version, Clock.GetUtcNow(), Requeue("k-requeue", "requeue#a0"), Ct);

        Assert.Equal("""{"requeued":"o-1"}""", Assert.IsType<CommitResult.Replayed>(again).ResultJson);
        Assert.Equal(["requeue#a0"], await PendingEntryIdsAsync());
    }

    [Fact]
    public async Task Requeuing_a_row_that_is_not_dead_or_moved_on_is_a_conflict_and_writes_nothing()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1"), Given.Message("o-2", "conv-2")]));
        var dead = await KillAsync("o-1", "gone", Clock.GetUtcNow());
        var pending = (await Store.GetOutboxRowAsync("o-2", Ct))!;

        var stale = await Store.RequeueDeadLetterAsync("o-1", dead.Version - 1, Clock.GetUtcNow(), Requeue("k-a", "a#a0"), Ct);
        var notDead = await Store.RequeueDeadLetterAsync("o-2", pending.Version, Clock.GetUtcNow(), Requeue("k-b", "b#a0"), Ct);
        var missing = await Store.RequeueDeadLetterAsync("o-9", 1, Clock.GetUtcNow(), Requeue("k-c", "c#a0"), Ct);

        Assert.Equal(new CommitResult.Conflict(IOutbox.OutboxRowKind, "o-1", dead.Version - 1, dead.Version), stale);
        Assert.Equal(new CommitResult.Conflict(IOutbox.OutboxRowKind, "o-2", pending.Version, pending.Version), notDead);
        Assert.Equal(new CommitResult.Conflict(IOutbox.OutboxRowKind, "o-9", 1, null), missing);
        Assert.Empty(await PendingEntryIdsAsync());
        Assert.Null(await Store.FindAppliedChangeAsync("k-a", Ct));
        Assert.Equal(OutboxStatus.Dead, (await Store.GetOutboxRowAsync("o-1", Ct))!.Status);
    }

    [Fact]
    public async Task A_requeue_that_fails_halfway_leaves_the_row_dead_and_no_intent()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var dead = await KillAsync("o-1", "gone", Clock.GetUtcNow());
        var failing = OpenFailingAfter("audit");

        await Assert.ThrowsAnyAsync<Exception>(() => failing.RequeueDeadLetterAsync("o-1", dead.Version, Clock.GetUtcNow(), Requeue("k-requeue", "requeue#a0"), Ct));

        Assert.Equal((OutboxStatus.Dead, dead.Version), ((await Store.GetOutboxRowAsync("o-1", Ct))!.Status, (await Store.GetOutboxRowAsync("o-1", Ct))!.Version));
        Assert.Empty(await PendingEntryIdsAsync());
        Assert.Null(await Store.FindAppliedChangeAsync("k-requeue", Ct));
    }

    [Fact]
    public async Task An_unknown_outbox_row_reads_as_null()
    {
        Assert.Null(await Store.GetOutboxRowAsync("o-404", Ct));
    }

    /// <summary>Claims the row and dead-letters it at <paramref name="deadAt"/>; the dead row as stored.</summary>
    private async Task<OutboxRow> KillAsync(string messageId, string reason, DateTimeOffset deadAt)
    {
        var row = (await Store.GetOutboxRowAsync(messageId, Ct))!;
        var claimed = await Store.TryClaimAsync(messageId, row.Version, "dispatcher-a", Clock.GetUtcNow().AddMinutes(1), Ct);
        Assert.True(await Store.MarkDeadAsync(messageId, claimed!.Version, reason, deadAt, Ct));
        return (await Store.GetOutboxRowAsync(messageId, Ct))!;
    }

    private static StoreChange Requeue(string key, string entryId) =>
        Given.Change(key, intents: [Given.Intent(entryId) with { Action = AuditAction.OutboxMessageRequeued, Subject = new AuditSubject("outbox", "o-1") }], result: """{"requeued":"o-1"}""");
}
