using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §6: intents in commit order, one sealer under a lease, the head kept apart, a chain that verifies.</summary>
public abstract partial class RiskStoreContract
{
    private static readonly TimeSpan SealerTtl = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pending_intents_come_in_commit_order_and_read_back_as_written()
    {
        await CommitOkAsync(Given.Change("k-1", intents: [Given.Intent("e-2"), Given.Intent("e-1")]));
        await CommitOkAsync(Given.Change("k-2", intents: [Given.Intent("e-0")]));

        var pending = await Store.ReadPendingAuditIntentsAsync(10, Ct);

        Assert.Equal(["e-2", "e-1", "e-0"], pending.Select(i => i.EntryId));
        var expected = Given.Intent("e-2");
        Assert.Equal((expected.Actor.Upn, expected.Action, expected.Subject, expected.OccurredAt), (pending[0].Actor.Upn, pending[0].Action, pending[0].Subject, pending[0].OccurredAt));
        Assert.Equal(expected.Inputs!.ToJsonString(), pending[0].Inputs!.ToJsonString());
        Assert.Equal(["e-2", "e-1"], (await Store.ReadPendingAuditIntentsAsync(2, Ct)).Select(i => i.EntryId));
    }

    [Fact]
    public async Task The_sealing_work_is_the_pending_intents_and_the_head_to_seal_them_after()
    {
        Assert.Equal((0, null), await WorkAsync());
        for (var n = 1; n <= 3; n++)
        {
            await CommitOkAsync(Given.Change($"k-{n}", intents: [Given.Intent($"e-{n}")]));
        }

        var lease = (await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), SealerTtl, Ct))!;
        Assert.Equal((3, null), await WorkAsync());
        var head = await SealPendingAsync(lease, null, max: 2);
        var work = await Store.ReadSealingWorkAsync(10, Ct);

        Assert.Equal(["e-3"], work.Intents.Select(i => i.EntryId));
        Assert.Equal(head, work.Head);
        Assert.Equal(await Store.GetChainHeadAsync(Ct), work.Head);

        async Task<(int, ChainHead?)> WorkAsync() =>
            (await Store.ReadSealingWorkAsync(10, Ct)) is var w ? (w.Intents.Count, w.Head) : default;
    }

    [Fact]
    public async Task An_intent_core_would_not_seal_is_refused_with_its_change()
    {
        var invalid = Given.Intent("e-1") with { CorrelationId = " " };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(Given.Change("k-1", [Given.NewAssessment("a-1")], [invalid]), Ct));

        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));
    }

    [Fact]
    public async Task Sealing_appends_the_entries_consumes_their_intents_and_moves_the_head_to_a_chain_that_verifies()
    {
        for (var n = 1; n <= 5; n++)
        {
            await CommitOkAsync(Given.Change($"k-{n}", intents: [Given.Intent($"e-{n}")]));
        }

        var lease = (await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), SealerTtl, Ct))!;
        var first = await SealPendingAsync(lease, null, max: 3);
        var second = await SealPendingAsync(lease, first, max: 10);

        var chain = await Store.ReadChainAsync(1, 100, Ct);
        var head = await Store.GetChainHeadAsync(Ct);
        Assert.Equal(new ChainHead(5, chain[^1].Hash), head);
        Assert.Equal(5, second.Seq);
        Assert.Empty(await PendingEntryIdsAsync());
        Assert.Equal(["e-1", "e-2", "e-3", "e-4", "e-5"], chain.Select(e => e.Intent.EntryId));
        var verified = AuditChainVerifier.Verify(string.Join('\n', chain.Select(e => e.ToJsonLine())), head);
        Assert.True(verified.IsSuccess, string.Join("; ", verified.Errors ?? []));
        Assert.Equal(5, verified.Value.Count);
        Assert.Equal(["e-4", "e-5"], (await Store.ReadChainAsync(4, 10, Ct)).Select(e => e.Intent.EntryId));
    }

    [Fact]
    public async Task A_second_sealer_cannot_take_the_lease_while_the_first_holds_it()
    {
        var first = await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), SealerTtl, Ct);

        var second = await OpenSecondInstance().TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-b", Clock.GetUtcNow(), SealerTtl, Ct);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task A_sealer_whose_lease_was_taken_over_cannot_seal()
    {
        await CommitOkAsync(Given.Change("k-1", intents: [Given.Intent("e-1")]));
        var paused = (await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), SealerTtl, Ct))!;
        var sealedByPaused = AuditChain.Seal(null, (await Store.ReadPendingAuditIntentsAsync(1, Ct))[0], Clock.GetUtcNow()).Value;

        Clock.Advance(SealerTtl + TimeSpan.FromSeconds(1));
        var other = OpenSecondInstance();
        var takeover = (await other.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-b", Clock.GetUtcNow(), SealerTtl, Ct))!;

        Assert.IsType<SealResult.LeaseLost>(await Store.SealAsync(paused, [sealedByPaused], null, Ct));
        Assert.Null(await Store.GetChainHeadAsync(Ct));
        Assert.Equal(["e-1"], await PendingEntryIdsAsync());
        Assert.True(takeover.FencingToken > paused.FencingToken);
    }

    [Fact]
    public async Task Sealing_against_a_head_that_moved_is_a_conflict_and_changes_nothing()
    {
        await CommitOkAsync(Given.Change("k-1", intents: [Given.Intent("e-1"), Given.Intent("e-2")]));
        var lease = (await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), SealerTtl, Ct))!;
        var pending = await Store.ReadPendingAuditIntentsAsync(10, Ct);
        var fromEmpty = AuditChain.Seal(null, pending[0], Clock.GetUtcNow()).Value;
        var alsoFromEmpty = AuditChain.Seal(null, pending[1], Clock.GetUtcNow()).Value;

        var won = await Store.SealAsync(lease, [fromEmpty], null, Ct);
        var lost = await OpenSecondInstance().SealAsync(lease, [alsoFromEmpty], null, Ct);

        Assert.Equal(new SealResult.Sealed(fromEmpty.Head), won);
        Assert.Equal(new SealResult.HeadMoved(fromEmpty.Head), lost);
        Assert.Equal(["e-2"], await PendingEntryIdsAsync());
        Assert.Single(await Store.ReadChainAsync(1, 10, Ct));
    }

    /// <summary>What the sealer job does: read pending intents, seal them after the head, store them.</summary>
    private async Task<ChainHead> SealPendingAsync(Lease lease, ChainHead? head, int max)
    {
        var entries = new List<AuditEntry>();
        var last = head;
        foreach (var intent in await Store.ReadPendingAuditIntentsAsync(max, Ct))
        {
            var entry = AuditChain.Seal(last, intent, Clock.GetUtcNow()).Value;
            entries.Add(entry);
            last = entry.Head;
        }

        var result = Assert.IsType<SealResult.Sealed>(await Store.SealAsync(lease, entries, head, Ct));
        return result.Head;
    }
}
