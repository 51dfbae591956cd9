using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorHandler = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulatorHandler;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// The commit path's round trips (design.md §2 latency budget, issue 7 item 8): no read for creates or for a change that
/// writes no item, the clearing of created items after the answer; and every guarantee of §2 kept on the way (applied
/// once, all or nothing as observed, no lost update), counted in the emulator's log.
/// </summary>
public sealed class CommitPathTests
{
    private static readonly string AssessmentsList = ListSchema.DocumentListKeys[DocumentKinds.Assessment];
    private static readonly string SnapshotsList = ListSchema.DocumentListKeys[DocumentKinds.Snapshot];

    private readonly Emulator _emulator = new();
    private TestSite? _site;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_submit_on_a_cached_assessment_answers_after_two_round_trips_and_clears_its_snapshot_after()
    {
        var (store, hold) = await OpenAsync();
        var seen = await CreatedAndReadAsync(store, "a-1");
        hold.Arm();
        var before = RoundTrips();

        var result = await store.CommitAsync(Submit("k-2", seen, "s-1"), Ct);

        Assert.Equal(2, RoundTrips() - before);
        Assert.IsType<CommitResult.Committed>(result);
        await hold.Reached;
        Assert.True(Pending(SnapshotsList, "s-1"));
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Snapshot, "s-1", Ct))!.Version);
        hold.Release();
        await store.HousekeepingSettled();
        Assert.False(Pending(SnapshotsList, "s-1"));
        Assert.False(Pending(AssessmentsList, "a-1"));
    }

    [Fact]
    public async Task A_change_over_items_whose_clearing_is_still_due_clears_them_all_in_one_batch_before_writing()
    {
        // Five documents created in one change, whose clearing after the answer is held back (as if still on its way).
        var (store, hold) = await OpenAsync();
        hold.Arm();
        string[] ids = ["a-1", "a-2", "a-3", "a-4", "a-5"];
        await CommitAsync(store, "k-1", [.. ids.Select(Create)]);
        await hold.Reached;
        var stored = new List<StoredDocument>();
        foreach (var id in ids)
        {
            stored.Add((await store.GetAsync(DocumentKinds.Assessment, id, Ct))!);
        }

        var before = RoundTrips();
        var result = await store.CommitAsync(Change("k-2", [.. stored.Select(d => DocumentWrite.Update(d, """{"round":2}""", Index()))]), Ct);

        // The reads, one batch clearing all five, the reads again, the first item's write, the chain: the change goes ahead
        // at the eTags the clearing left (one at a time it took three rounds and wrote two items still marked).
        Assert.IsType<CommitResult.Committed>(result);
        Assert.True(RoundTrips() - before <= 5, $"{RoundTrips() - before} round trips");
        hold.Release();
        await store.HousekeepingSettled();
        foreach (var id in ids)
        {
            Assert.False(Pending(AssessmentsList, id));
            Assert.Equal((2, """{"round":2}"""), ((await store.GetAsync(DocumentKinds.Assessment, id, Ct))!.Version, (await store.GetAsync(DocumentKinds.Assessment, id, Ct))!.Json));
        }
    }

    [Fact]
    public async Task The_same_submit_on_an_instance_that_never_saw_the_assessment_takes_one_read_more()
    {
        var (writer, _) = await OpenAsync();
        await CommitAsync(writer, "k-1", Create("a-1"));
        await writer.HousekeepingSettled();
        var (fresh, hold) = await OpenAsync(provision: false);
        hold.Arm();
        var before = RoundTrips();

        var read = await fresh.ReadManyAsync([new DocumentKey(DocumentKinds.Assessment, "a-1")], "k-2", cachedIfPossible: true, Ct);
        var result = await fresh.CommitAsync(Submit("k-2", read.Documents[0]!, "s-1"), Ct);

        Assert.Equal(3, RoundTrips() - before);
        Assert.IsType<CommitResult.Committed>(result);
        hold.Release();
        await fresh.HousekeepingSettled();
        Assert.False(Pending(SnapshotsList, "s-1"));
    }

    [Fact]
    public async Task A_change_of_creates_only_is_one_round_trip_and_its_items_are_cleared_after()
    {
        var (store, hold) = await OpenAsync();
        hold.Arm();
        var before = RoundTrips();

        var result = await store.CommitAsync(Change("k-1", Create("a-1"), Snapshot("s-1"), Message("o-1")), Ct);

        Assert.Equal(1, RoundTrips() - before);
        Assert.IsType<CommitResult.Committed>(result);
        await hold.Reached;
        Assert.True(Pending(AssessmentsList, "a-1"));
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        hold.Release();
        await store.HousekeepingSettled();
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.False(Pending(SnapshotsList, "s-1"));
    }

    [Fact]
    public async Task A_created_document_cleared_after_the_answer_is_in_the_instances_cache_for_the_next_action()
    {
        var (store, _) = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        await store.HousekeepingSettled();
        var cached = await store.ReadManyAsync([new DocumentKey(DocumentKinds.Assessment, "a-1")], "k-2", cachedIfPossible: true, Ct);
        var before = RoundTrips();

        var result = await store.CommitAsync(Change("k-2", DocumentWrite.Update(cached.Documents[0]!, """{"step":2}""")), Ct);

        Assert.True(cached.Cached);
        Assert.IsType<CommitResult.Committed>(result);
        Assert.Equal(2, RoundTrips() - before);
    }

    [Fact]
    public async Task A_change_that_writes_no_item_is_one_round_trip_and_its_replay_answers_as_the_first_and_writes_nothing()
    {
        var (store, _) = await OpenAsync();
        var before = RoundTrips();

        var result = await store.CommitAsync(Change("k-1", Message("o-1")), Ct);

        Assert.Equal(1, RoundTrips() - before);
        Assert.IsType<CommitResult.Committed>(result);
        var replay = await store.CommitAsync(new StoreChange("k-1", [], [], [Message("o-1")], """{"answer":"later"}"""), Ct);
        Assert.Equal(new CommitResult.Replayed("""{"key":"k-1"}"""), replay);
        Assert.Single(_emulator.Items(_site!.ListId(ListSchema.OutboxKey)));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.AppliedChangesKey)));
    }

    [Fact]
    public async Task A_replay_whose_writes_differ_from_the_first_answers_as_the_first_in_one_round_trip_more_and_leaves_nothing_of_its_own()
    {
        var (store, _) = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"), Message("o-1"));
        await store.HousekeepingSettled();
        var before = RoundTrips();

        var replay = await store.CommitAsync(Change("k-1", Create("a-2"), Message("o-2")), Ct);

        Assert.Equal(new CommitResult.Replayed("""{"key":"k-1"}"""), replay);
        Assert.Equal(2, RoundTrips() - before);
        Assert.Equal(["a-1"], _emulator.Items(_site!.ListId(AssessmentsList)).Select(i => (string?)i["fields"]![ColumnNames.DocId]));
        Assert.Equal(["o-1"], (await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(r => r.Message.Id));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));
    }

    [Fact]
    public async Task A_replay_of_a_change_of_creates_that_committed_answers_as_the_first_and_changes_nothing()
    {
        var (store, _) = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"), Snapshot("s-1"), Message("o-1"));
        await store.HousekeepingSettled();
        var (other, _) = await OpenAsync(provision: false);

        var replay = await other.CommitAsync(new StoreChange("k-1", [Create("a-1"), Snapshot("s-1")], [], [Message("o-1")], """{"answer":"later"}"""), Ct);
        await other.HousekeepingSettled();

        Assert.Equal(new CommitResult.Replayed("""{"key":"k-1"}"""), replay);
        Assert.Single(_emulator.Items(_site!.ListId(AssessmentsList)));
        Assert.Single(_emulator.Items(_site.ListId(SnapshotsList)));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));
        Assert.False(Pending(AssessmentsList, "a-1"));
    }

    [Fact]
    public async Task A_replay_arriving_before_the_first_attempts_clearing_answers_as_the_first()
    {
        var (store, hold) = await OpenAsync();
        hold.Arm();
        await CommitAsync(store, "k-1", Create("a-1"), Snapshot("s-1"));
        await hold.Reached;

        var replay = await store.CommitAsync(Change("k-1", Create("a-1"), Snapshot("s-1")), Ct);
        hold.Release();
        await store.HousekeepingSettled();

        Assert.Equal(new CommitResult.Replayed("""{"key":"k-1"}"""), replay);
        Assert.Single(_emulator.Items(_site!.ListId(AssessmentsList)));
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.False(Pending(SnapshotsList, "s-1"));
    }

    [Fact]
    public async Task A_retry_of_a_change_of_creates_that_stopped_after_its_first_item_finishes_it_and_rolls_nothing_back()
    {
        var (store, _) = await OpenAsync();
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(SnapshotsList), Status = 500, Times = 1 });
        await Assert.ThrowsAsync<GraphStoreException>(() => store.CommitAsync(Change("k-1", Create("a-1"), Snapshot("s-1"), Message("o-1")), Ct));
        Assert.True(Pending(AssessmentsList, "a-1"));
        Assert.Null(await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));

        var retry = await store.CommitAsync(Change("k-1", Create("a-1"), Snapshot("s-1"), Message("o-1")), Ct);
        await store.HousekeepingSettled();

        Assert.IsType<CommitResult.Committed>(retry);
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Snapshot, "s-1", Ct))!.Version);
        Assert.Equal(["o-1"], (await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(r => r.Message.Id));
        Assert.Single(_emulator.Items(_site.ListId(AssessmentsList)));
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.False(Pending(SnapshotsList, "s-1"));
    }

    [Fact]
    public async Task A_retry_of_a_submit_that_stopped_before_its_commit_point_finishes_it_once()
    {
        var (store, _) = await OpenAsync();
        var seen = await CreatedAndReadAsync(store, "a-1");
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.AppliedChangesKey), Status = 500, Times = 1 });
        await Assert.ThrowsAsync<GraphStoreException>(() => store.CommitAsync(Submit("k-2", seen, "s-1"), Ct));
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);

        var retry = await store.CommitAsync(Submit("k-2", seen, "s-1"), Ct);
        await store.HousekeepingSettled();

        Assert.IsType<CommitResult.Committed>(retry);
        Assert.Equal((2L, """{"submitted":true}"""), await VersionAndJsonAsync(store, "a-1"));
        Assert.NotNull(await store.GetAsync(DocumentKinds.Snapshot, "s-1", Ct));
        Assert.Single(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.False(Pending(SnapshotsList, "s-1"));
    }

    [Fact]
    public async Task A_submit_whose_snapshot_exists_already_rolls_the_assessment_back_and_answers_the_conflict()
    {
        var (store, _) = await OpenAsync();
        var seen = await CreatedAndReadAsync(store, "a-1");
        await CommitAsync(store, "k-other", Snapshot("s-1"));
        var before = RoundTrips();

        var result = await store.CommitAsync(Submit("k-2", seen, "s-1"), Ct);

        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Snapshot, "s-1", null, 1), result);
        Assert.Equal((1L, seen.Json), await VersionAndJsonAsync(store, "a-1"));
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Null(await store.FindAppliedChangeAsync("k-2", Ct));
        Assert.True(RoundTrips() - before > 2);
    }

    [Fact]
    public async Task A_clearing_that_fails_after_the_answer_is_left_to_the_recovery_sweep()
    {
        var (store, _) = await OpenAsync();
        var seen = await CreatedAndReadAsync(store, "a-1");
        _emulator.AddFault(new FaultRule { Method = "PATCH", Scope = FaultScope.Inner, ListId = _site!.ListId(SnapshotsList), Status = 500, Times = 1 });

        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Submit("k-2", seen, "s-1"), Ct));
        await store.HousekeepingSettled();
        Assert.True(Pending(SnapshotsList, "s-1"));
        Assert.NotNull(await store.GetAsync(DocumentKinds.Snapshot, "s-1", Ct));

        await (await _site.OpenStoreAsync()).RecoverAsync(Ct);

        Assert.False(Pending(SnapshotsList, "s-1"));
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Snapshot, "s-1", Ct))!.Version);
    }

    [Fact]
    public async Task Items_of_an_instance_that_stopped_before_its_clearing_are_cleared_by_the_sweep_and_the_late_clearing_changes_nothing()
    {
        var (store, hold) = await OpenAsync();
        hold.Arm();
        await CommitAsync(store, "k-1", Create("a-1"), Snapshot("s-1"), Message("o-1"));
        await hold.Reached;

        await (await _site!.OpenStoreAsync()).RecoverAsync(Ct);
        Assert.False(Pending(AssessmentsList, "a-1"));
        Assert.False(Pending(SnapshotsList, "s-1"));
        var swept = await VersionAndJsonAsync(store, "a-1");
        hold.Release();
        await store.HousekeepingSettled();

        Assert.Equal(swept, await VersionAndJsonAsync(store, "a-1"));
        Assert.Equal(["o-1"], (await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(r => r.Message.Id));
    }

    [Fact]
    public async Task Disposing_the_store_awaits_the_clearing_it_started()
    {
        var (store, hold) = await OpenAsync();
        hold.Arm();
        await CommitAsync(store, "k-1", Create("a-1"));
        await hold.Reached;

        var disposing = store.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        hold.Release();
        await disposing;

        Assert.False(Pending(AssessmentsList, "a-1"));
    }

    private int RoundTrips() => _emulator.RequestLog.Count(e => !e.IsBatchStep);

    private bool Pending(string listKey, string docId) =>
        _emulator.Items(_site!.ListId(listKey)).Single(i => (string?)i["fields"]![ColumnNames.DocId] == docId)["fields"]![ColumnNames.Pending]!.GetValue<bool>();

    /// <summary>A store whose clearing after a commit the test may hold back (<see cref="ClearHold"/>).</summary>
    private async Task<(GraphRiskStore Store, ClearHold Hold)> OpenAsync(bool provision = true)
    {
        if (provision)
        {
            _site = await TestSite.ProvisionAsync(_emulator);
        }

        var hold = new ClearHold(new EmulatorHandler(_emulator));
        var client = new GraphServiceClient(GraphClientFactory.Create(finalHandler: hold), new AnonymousAuthenticationProvider(), TestSite.BaseUrl);
        return (await GraphRiskStore.OpenAsync(client, TestSite.Options, null, Ct), hold);
    }

    /// <summary>The assessment created and read on this instance, so its cache holds it.</summary>
    private static async Task<StoredDocument> CreatedAndReadAsync(GraphRiskStore store, string id)
    {
        await CommitAsync(store, "k-" + id, Create(id));
        await store.HousekeepingSettled();
        return (await store.ReadManyAsync([new DocumentKey(DocumentKinds.Assessment, id)], null, cachedIfPossible: false, Ct)).Documents[0]!;
    }

    private static async Task<(long, string)> VersionAndJsonAsync(GraphRiskStore store, string id) =>
        (await store.GetAsync(DocumentKinds.Assessment, id, Ct)) is { } d ? (d.Version, d.Json) : (0, string.Empty);

    private static async Task CommitAsync(GraphRiskStore store, string key, params object[] parts) =>
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Change(key, parts), Ct));

    /// <summary>What <c>flow.submit</c> writes: the assessment (cached update), its snapshot (a create) and a message.</summary>
    private static StoreChange Submit(string key, StoredDocument assessment, string snapshotId) =>
        Change(key, DocumentWrite.Update(assessment, """{"submitted":true}""", Index()), Snapshot(snapshotId), Message("o-" + key));

    private static StoreChange Change(string key, params object[] parts) =>
        new(key, [.. parts.OfType<DocumentWrite>()], [], [.. parts.OfType<OutboxMessage>()], $$"""{"key":"{{key}}"}""");

    private static DocumentWrite Create(string id) => DocumentWrite.Create(DocumentKinds.Assessment, id, $$"""{"id":"{{id}}"}""", Index());

    private static DocumentWrite Snapshot(string id) =>
        DocumentWrite.Create(DocumentKinds.Snapshot, id, $$"""{"id":"{{id}}"}""", new Dictionary<string, string> { ["assessmentId"] = "a-1", ["systemId"] = "sys-1", ["roundId"] = "r-1" });

    private static Dictionary<string, string> Index() => new() { ["systemId"] = "sys-1", ["state"] = "inProgress" };

    private static OutboxMessage Message(string id) => new(id, OutboxKinds.TeamsReply, "conv-1", """{"text":"hej"}""", DateTimeOffset.UtcNow);
}
