using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// A card action's read (<see cref="GraphRiskStore.ReadManyAsync"/>): one <c>$batch</c>, or the instance's cache, which the
/// commit's If-Match validates; two store instances on one site stand for two app instances (design.md §1, §2).
/// </summary>
public sealed class CachedReadTests
{
    private static readonly DocumentKey A1 = new(DocumentKinds.Assessment, "a-1");
    private static readonly DocumentKey A2 = new(DocumentKinds.Assessment, "a-2");

    private readonly Emulator _emulator = new();
    private TestSite? _site;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Several_documents_and_the_keys_applied_row_are_read_in_one_round_trip()
    {
        var writer = await OpenAsync();
        await CommitAsync(writer, "k-1", Create("a-1"), Create("a-2"));
        var reader = await _site!.OpenStoreAsync();
        var before = RoundTrips();

        var read = await reader.ReadManyAsync([A1, A2, new DocumentKey(DocumentKinds.Assessment, "a-none")], "k-1", cachedIfPossible: true, Ct);

        Assert.Equal(1, RoundTrips() - before);
        Assert.False(read.Cached);
        Assert.Equal("""{"key":"k-1"}""", read.Applied?.ResultJson);
        Assert.Equal(["a-1", "a-2"], read.Documents.Take(2).Select(d => d!.Id));
        Assert.Null(read.Documents[2]);
    }

    [Fact]
    public async Task After_a_commit_the_instance_reads_what_it_wrote_from_its_cache_at_no_round_trip()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        var seen = (await store.ReadManyAsync([A1], null, cachedIfPossible: false, Ct)).Documents[0]!;
        await CommitAsync(store, "k-2", DocumentWrite.Update(seen, """{"step":2}"""));
        var before = RoundTrips();

        var read = await store.ReadManyAsync([A1], "k-3", cachedIfPossible: true, Ct);

        Assert.Equal(0, RoundTrips() - before);
        Assert.True(read.Cached);
        Assert.Null(read.Applied);
        Assert.Equal((2, """{"step":2}"""), (read.Documents[0]!.Version, read.Documents[0]!.Json));
    }

    [Fact]
    public async Task A_stale_cached_copy_acted_on_is_refused_by_the_if_match_and_the_full_path_answers_the_conflict()
    {
        var instanceA = await OpenAsync();
        await CommitAsync(instanceA, "k-1", Create("a-1"));
        var instanceB = await _site!.OpenStoreAsync();
        var stale = (await instanceA.ReadManyAsync([A1], null, cachedIfPossible: false, Ct)).Documents[0]!;
        await CommitAsync(instanceB, "k-2", DocumentWrite.Update((await instanceB.GetAsync(A1.Kind, A1.Id, Ct))!, """{"by":"B"}"""));

        var cached = await instanceA.ReadManyAsync([A1], "k-3", cachedIfPossible: true, Ct);
        var result = await instanceA.CommitAsync(Change("k-3", DocumentWrite.Update(cached.Documents[0]!, """{"by":"A"}""")), Ct);
        var fresh = await instanceA.ReadManyAsync([A1], "k-3", cachedIfPossible: true, Ct);

        Assert.True(cached.Cached);
        Assert.Equal(stale.Version, cached.Documents[0]!.Version);
        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Assessment, "a-1", 1, 2), result);
        Assert.False(fresh.Cached);
        Assert.Null(fresh.Applied);
        Assert.Equal((2, """{"by":"B"}"""), (fresh.Documents[0]!.Version, fresh.Documents[0]!.Json));
    }

    [Fact]
    public async Task A_replay_on_a_second_instance_with_a_cached_copy_from_before_answers_as_the_first()
    {
        var instanceA = await OpenAsync();
        await CommitAsync(instanceA, "k-1", Create("a-1"));
        var instanceB = await _site!.OpenStoreAsync();
        var seenByA = (await instanceA.ReadManyAsync([A1], null, cachedIfPossible: false, Ct)).Documents[0]!;
        _ = await instanceB.ReadManyAsync([A1], null, cachedIfPossible: false, Ct);
        await CommitAsync(instanceA, "k-2", DocumentWrite.Update(seenByA, """{"step":2}"""));

        // Teams retries the activity; the retry reaches B, whose copy is from before the first application.
        var cached = await instanceB.ReadManyAsync([A1], "k-2", cachedIfPossible: true, Ct);
        var retry = await instanceB.CommitAsync(Change("k-2", DocumentWrite.Update(cached.Documents[0]!, """{"step":2}""")), Ct);

        Assert.True(cached.Cached);
        Assert.Equal(new CommitResult.Replayed("""{"key":"k-2"}"""), retry);
        Assert.Equal(2, (await instanceB.GetAsync(A1.Kind, A1.Id, Ct))!.Version);
    }

    [Fact]
    public async Task A_cached_copy_older_than_the_bound_is_read_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _site = await TestSite.ProvisionAsync(_emulator);
        var store = await _site.OpenStoreAsync(time);
        await CommitAsync(store, "k-1", Create("a-1"));
        _ = await store.ReadManyAsync([A1], null, cachedIfPossible: false, Ct);
        time.Advance(GraphRiskStore.CachedReadMaxAge + TimeSpan.FromSeconds(1));
        var before = RoundTrips();

        var read = await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct);

        Assert.False(read.Cached);
        Assert.Equal(1, RoundTrips() - before);
    }

    [Fact]
    public async Task A_served_copy_past_half_the_bound_is_read_again_behind_the_click_so_a_busy_user_never_meets_the_bound()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _site = await TestSite.ProvisionAsync(_emulator);
        var store = await _site.OpenStoreAsync(time);
        var other = await _site.OpenStoreAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        _ = await store.ReadManyAsync([A1], null, cachedIfPossible: false, Ct);
        await CommitAsync(other, "k-2", DocumentWrite.Update((await other.GetAsync(A1.Kind, A1.Id, Ct))!, """{"by":"other"}"""));

        // Younger than half the bound: served, nothing read.
        time.Advance(GraphRiskStore.RefreshAheadAge - TimeSpan.FromSeconds(1));
        var before = RoundTrips();
        Assert.True((await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct)).Cached);
        await store.HousekeepingSettled();
        Assert.Equal(0, RoundTrips() - before);

        // Older: still served at once (the click waits for nothing), and read again behind it in one round trip.
        time.Advance(TimeSpan.FromSeconds(2));
        var served = await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct);
        await store.HousekeepingSettled();
        Assert.True(served.Cached);
        Assert.Equal(1, served.Documents[0]!.Version);
        Assert.Equal(1, RoundTrips() - before);

        // Past the bound of the first read, the refreshed copy serves the next click, with the other instance's change.
        time.Advance(GraphRiskStore.CachedReadMaxAge - GraphRiskStore.RefreshAheadAge);
        before = RoundTrips();
        var next = await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct);
        Assert.True(next.Cached);
        Assert.Equal((2, """{"by":"other"}"""), (next.Documents[0]!.Version, next.Documents[0]!.Json));
        Assert.Equal(0, RoundTrips() - before);
    }

    [Fact]
    public async Task A_refresh_that_finds_the_document_gone_forgets_it_so_the_next_click_reads_the_store()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _site = await TestSite.ProvisionAsync(_emulator);
        var store = await _site.OpenStoreAsync(time);
        await CommitAsync(store, "k-1", Create("a-1"));
        _ = await store.ReadManyAsync([A1], null, cachedIfPossible: false, Ct);
        var list = _site.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment]);
        var itemId = _emulator.Items(list).Single()["id"]!.GetValue<string>();
        await TestSite.Client(_emulator).Sites[_site.SiteId].Lists[list.ToString()].Items[itemId].DeleteAsync(cancellationToken: Ct);
        time.Advance(GraphRiskStore.RefreshAheadAge + TimeSpan.FromSeconds(1));

        Assert.True((await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct)).Cached);
        await store.HousekeepingSettled();
        var after = await store.ReadManyAsync([A1], null, cachedIfPossible: true, Ct);

        Assert.False(after.Cached);
        Assert.Null(after.Documents[0]);
    }

    private int RoundTrips() => _emulator.RequestLog.Count(e => !e.IsBatchStep);

    private async Task<GraphRiskStore> OpenAsync()
    {
        _site = await TestSite.ProvisionAsync(_emulator);
        return await _site.OpenStoreAsync();
    }

    /// <summary>A commit and the clearing after its answer, so what the test does next meets cleared items.</summary>
    private static async Task CommitAsync(GraphRiskStore store, string key, params DocumentWrite[] writes)
    {
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Change(key, writes), Ct));
        await store.HousekeepingSettled();
    }

    private static StoreChange Change(string key, params DocumentWrite[] writes) => new(key, writes, [], [], $$"""{"key":"{{key}}"}""");

    private static DocumentWrite Create(string id) =>
        DocumentWrite.Create(DocumentKinds.Assessment, id, $$"""{"id":"{{id}}"}""", new Dictionary<string, string> { ["systemId"] = "sys-1", ["state"] = "inProgress" });
}
