using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>Programming errors throw before anything is written; a kind without indexes still reads and pages.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task A_continuation_token_that_this_store_did_not_issue_is_refused()
    {
        var query = DocumentQuery.All() with { ContinuationToken = "%%not-a-token%%" };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(DocumentKinds.Assessment, query, Ct));
    }

    [Fact]
    public async Task Entries_that_do_not_follow_the_expected_head_are_refused_and_nothing_is_sealed()
    {
        await CommitOkAsync(Given.Change("k-1", intents: [Given.Intent("e-1"), Given.Intent("e-2")]));
        var lease = (await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), TimeSpan.FromSeconds(30), Ct))!;
        var pending = await Store.ReadPendingAuditIntentsAsync(10, Ct);
        var first = AuditChain.Seal(null, pending[0], Clock.GetUtcNow()).Value;
        var notLinked = AuditChain.Seal(null, pending[1], Clock.GetUtcNow()).Value;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SealAsync(lease, [first, notLinked], null, Ct));

        Assert.Null(await Store.GetChainHeadAsync(Ct));
        Assert.Equal(["e-1", "e-2"], await PendingEntryIdsAsync());
    }

    [Fact]
    public async Task A_kind_without_indexes_reads_and_pages_by_id()
    {
        await CommitOkAsync(Given.Change("k-1", [
            DocumentWrite.Create(DocumentKinds.SyncCursor, "graph.delta.systems", """{"deltaLink":"https://example/delta?token=2"}"""),
            DocumentWrite.Create(DocumentKinds.SyncCursor, "graph.delta.groups", """{"deltaLink":"https://example/delta?token=1"}"""),
        ]));

        var first = await Store.QueryAsync(DocumentKinds.SyncCursor, DocumentQuery.All(pageSize: 1), Ct);
        var second = await Store.QueryAsync(DocumentKinds.SyncCursor, DocumentQuery.All(pageSize: 1) with { ContinuationToken = first.ContinuationToken }, Ct);

        Assert.Equal(["graph.delta.groups"], first.Items.Select(d => d.Id));
        Assert.Equal(["graph.delta.systems"], second.Items.Select(d => d.Id));
        Assert.Null(second.ContinuationToken);
        Assert.Empty(second.Items[0].Index);
    }

    [Fact]
    public async Task A_retry_or_dead_letter_with_a_stale_version_changes_nothing()
    {
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1")]));
        var row = (await Store.ReadDueOutboxAsync(Clock.GetUtcNow(), 10, Ct)).Single();
        await Store.TryClaimAsync("o-1", row.Version, "dispatcher-a", Clock.GetUtcNow().AddMinutes(1), Ct);

        Assert.False(await Store.MarkRetryAsync("o-1", row.Version, Clock.GetUtcNow(), "timeout", Ct));
        Assert.False(await Store.MarkDeadAsync("o-1", row.Version, "gone", Clock.GetUtcNow(), Ct));
        Assert.Empty((await Store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Null(await Store.TryClaimAsync("o-1", row.Version, "dispatcher-b", Clock.GetUtcNow().AddMinutes(1), Ct));
    }
}
