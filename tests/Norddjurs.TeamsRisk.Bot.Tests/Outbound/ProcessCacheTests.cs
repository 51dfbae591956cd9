using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>
/// What every activity used to read from the store (its conversation reference, the sender's language) comes from a
/// process cache; two caches on one store stand for two app instances, so what one instance changes the other sees
/// within the stated bound (design.md §1: instances keep caches only).
/// </summary>
public sealed class ProcessCacheTests : IDisposable
{
    private readonly SenderWorld _world = new();
    private readonly ReadCountingStore _store;

    public ProcessCacheTests() => _store = new ReadCountingStore(_world.Store);

    private static CancellationToken Ct => SenderWorld.Ct;

    [Fact]
    public async Task A_routine_activity_bringing_the_reference_this_instance_saw_stored_reads_and_writes_nothing()
    {
        var references = new ConversationReferenceStore(_store, _world.Time);
        Assert.True(await references.SaveIfChangedAsync(SenderWorld.Personal(), Ct));
        var (reads, version) = (_store.Reads, await _world.VersionAsync("a:1Zk3personal"));

        Assert.False(await references.SaveIfChangedAsync(SenderWorld.Personal() with { LastActivityAt = SenderWorld.Now.AddMinutes(1) }, Ct));

        Assert.Equal(reads, _store.Reads);
        Assert.Equal(version, await _world.VersionAsync("a:1Zk3personal"));
    }

    [Fact]
    public async Task A_changed_reference_is_written_at_once_whatever_the_cache_holds()
    {
        var references = new ConversationReferenceStore(_store, _world.Time);
        await references.SaveIfChangedAsync(SenderWorld.Personal(), Ct);
        var moved = SenderWorld.Personal() with { ServiceUrl = "https://smba.trafficmanager.net/amer/", LastActivityAt = SenderWorld.Now.AddMinutes(1) };

        Assert.True(await references.SaveIfChangedAsync(moved, Ct));
        Assert.Equal(moved, await _world.StoredAsync("a:1Zk3personal"));
    }

    [Fact]
    public async Task A_reference_marked_uninstalled_on_another_instance_is_made_active_again_once_the_cache_lifetime_has_passed()
    {
        var instanceA = new ConversationReferenceStore(_store, _world.Time);
        var instanceB = new ConversationReferenceStore(_store, _world.Time);
        await instanceA.SaveIfChangedAsync(SenderWorld.Personal(), Ct);
        await instanceB.MarkAsync("a:1Zk3personal", ConversationReferenceStatus.Uninstalled, Ct);

        _world.Time.Advance(SeenReferences.Lifetime);
        Assert.True(await instanceA.SaveIfChangedAsync(SenderWorld.Personal() with { LastActivityAt = _world.Time.GetUtcNow() }, Ct));

        Assert.Equal(ConversationReferenceStatus.Active, (await _world.StoredAsync("a:1Zk3personal"))!.Status);
    }

    [Fact]
    public async Task An_install_event_always_reads_the_store_so_a_mark_made_elsewhere_is_undone_at_once()
    {
        var instanceA = new ConversationReferenceStore(_store, _world.Time);
        var instanceB = new ConversationReferenceStore(_store, _world.Time);
        await instanceA.SaveIfChangedAsync(SenderWorld.Personal(), Ct);
        await instanceB.MarkAsync("a:1Zk3personal", ConversationReferenceStatus.Uninstalled, Ct);

        Assert.True(await instanceA.SaveAsync(SenderWorld.Personal() with { LastActivityAt = SenderWorld.Now.AddMinutes(1) }, Ct));

        Assert.Equal(ConversationReferenceStatus.Active, (await _world.StoredAsync("a:1Zk3personal"))!.Status);
    }

    [Fact]
    public async Task A_language_chosen_on_this_instance_is_seen_at_once_and_on_another_within_the_cache_lifetime()
    {
        var instanceA = new UserPreferences(_store, _world.Time);
        var instanceB = new UserPreferences(_store, _world.Time);
        Assert.Equal(Language.Danish, await instanceA.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        Assert.Equal(Language.Danish, await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));

        Assert.True(await instanceA.ChooseAsync(SenderWorld.Alex, Language.English, "choose-1", Ct));
        var reads = _store.Reads;

        Assert.Equal(Language.English, await instanceA.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        Assert.Equal(Language.Danish, await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        Assert.Equal(reads, _store.Reads);

        _world.Time.Advance(UserPreferences.CacheLifetime);
        Assert.Equal(Language.English, await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        Assert.Equal(reads + 1, _store.Reads);
    }

    [Fact]
    public async Task A_language_read_more_than_half_a_lifetime_ago_is_answered_and_read_again_behind_the_answer()
    {
        var instanceA = new UserPreferences(_store, _world.Time);
        var instanceB = new UserPreferences(_store, _world.Time);
        Assert.Equal(Language.Danish, await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        Assert.True(await instanceA.ChooseAsync(SenderWorld.Alex, Language.English, "choose-1", Ct));
        var reads = _store.Reads;

        // Half a lifetime on: B answers what it holds without waiting, and reads again behind the answer.
        _world.Time.Advance(UserPreferences.RefreshAfter + TimeSpan.FromSeconds(1));
        var answered = await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct);
        await instanceB.RefreshesSettled();
        Assert.Equal(Language.Danish, answered);
        Assert.Equal(reads + 1, _store.Reads);

        // Where the first read's lifetime ends, the refreshed choice is answered with no read.
        _world.Time.Advance(UserPreferences.CacheLifetime - UserPreferences.RefreshAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(Language.English, await instanceB.LanguageAsync(SenderWorld.Alex, "da-DK", Ct));
        await instanceB.RefreshesSettled();
        Assert.Equal(reads + 1, _store.Reads);
    }

    public void Dispose() => _world.Dispose();

    /// <summary>The store as it is, counting document reads.</summary>
    private sealed class ReadCountingStore(IDocumentStore inner) : IDocumentStore
    {
        private int _reads;

        public int Reads => _reads;

        public Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken) => inner.CommitAsync(change, cancellationToken);

        public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) =>
            inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

        public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
            inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

        public Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.GetAsync(kind, id, cancellationToken);
        }

        public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.QueryAsync(kind, query, cancellationToken);
        }

        public Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.QueryManyAsync(queries, pageSize, cancellationToken);
        }
    }
}
