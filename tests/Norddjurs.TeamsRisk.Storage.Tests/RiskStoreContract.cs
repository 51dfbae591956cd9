using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>
/// Every guarantee of the store contract (design.md §2, §5, §6), once for all stores: each store's test class only
/// says how to open it (style-examples.md §6). Facts are split by role across the partial files.
/// </summary>
public abstract partial class RiskStoreContract
{
    protected static CancellationToken Ct => CancellationToken.None;

    protected FakeTimeProvider Clock { get; } = new(Given.Start);

    /// <summary>The store under test, fresh and empty for each test; it stamps applied changes with <see cref="Clock"/>.</summary>
    protected abstract IRiskStore Store { get; }

    /// <summary>Another instance on the same data, as a second app instance would have.</summary>
    protected abstract IRiskStore OpenSecondInstance();

    /// <summary>An instance on the same data whose next changes throw right after the given step (document, audit, outbox).</summary>
    protected abstract IRiskStore OpenFailingAfter(string step);

    protected async Task<CommitResult.Committed> CommitOkAsync(StoreChange change) =>
        Assert.IsType<CommitResult.Committed>(await Store.CommitAsync(change, Ct));

    protected async Task<IReadOnlyList<string>> PendingEntryIdsAsync() =>
        [.. (await Store.ReadPendingAuditIntentsAsync(1000, Ct)).Select(i => i.EntryId)];

    /// <summary>Every pending message whatever its key, read far in the future (due rows only show the first per key).</summary>
    protected async Task<IReadOnlyList<string>> DueMessageIdsAsync(IRiskStore? store = null) =>
        [.. (await (store ?? Store).ReadDueOutboxAsync(Given.Start.AddYears(1), 1000, Ct)).Select(r => r.Message.Id)];
}
