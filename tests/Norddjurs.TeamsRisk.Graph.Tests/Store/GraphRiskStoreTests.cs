using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>What only the SharePoint store has to get right: Graph's faults, limits and the index rule (graph-sharepoint.md §4, §5, §7).</summary>
public sealed class GraphRiskStoreTests
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly Emulator _emulator = new();

    [Fact]
    public async Task A_412_on_the_first_write_is_the_contracts_conflict_and_writes_nothing_else()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        var seen = (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        _emulator.AddFault(new FaultRule { Method = "PATCH", PathPattern = "/fields$", Scope = FaultScope.Outer, Status = 412, Code = "resourceModified", Times = 2 });

        var result = await store.CommitAsync(Change("k-2", DocumentWrite.Update(seen, """{"step":2}"""), Message("o-1")), Ct);

        // Once on the cached eTag (the full path runs), once on the fresh one: the conflict.
        Assert.IsType<CommitResult.Conflict>(result);
        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Null(await store.FindAppliedChangeAsync("k-2", Ct));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_for_single_requests_and_for_batch_steps()
    {
        var store = await OpenAsync();
        _emulator.AddFault(new FaultRule { Method = "GET", Scope = FaultScope.Outer, PathPattern = "/items$", Status = 429, RetryAfter = "1", Times = 1 });
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.OutboxKey), Status = 429, RetryAfter = "1", Times = 1 });

        await CommitAsync(store, "k-1", Create("a-1"), Message("o-1"));

        Assert.NotNull(await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));
        Assert.Single(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Equal(2, _emulator.RequestLog.Count(e => e.Fault is not null));
    }

    [Fact]
    public async Task A_change_whose_batch_failed_stays_invisible_until_the_recovery_sweep_finishes_it()
    {
        var store = await OpenAsync();
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.AppliedChangesKey), Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() => store.CommitAsync(Change("k-1", Create("a-1"), Message("o-1")), Ct));
        Assert.Null(await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));
        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));

        var finished = await (await _site.OpenStoreAsync()).RecoverAsync(Ct);

        Assert.Equal(1, finished);
        Assert.Equal(1, (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        Assert.Equal(["o-1"], (await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct)).Select(r => r.Message.Id));
        Assert.NotNull(await store.FindAppliedChangeAsync("k-1", Ct));
        Assert.Equal(0, await store.RecoverAsync(Ct));
    }

    [Fact]
    public async Task A_writer_finishes_a_change_left_pending_by_a_crashed_instance_before_it_decides()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        var seen = (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.AppliedChangesKey), Status = 500, Times = 1 });
        await Assert.ThrowsAsync<GraphStoreException>(() => store.CommitAsync(Change("k-2", DocumentWrite.Update(seen, """{"step":2}""")), Ct));
        var later = await _site.OpenStoreAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(3)));

        var result = await later.CommitAsync(Change("k-3", DocumentWrite.Update(seen, """{"step":3}""")), Ct);

        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Assessment, "a-1", 1, 2), result);
        Assert.NotNull(await later.FindAppliedChangeAsync("k-2", Ct));
    }

    [Fact]
    public async Task A_later_write_refused_in_the_batch_rolls_back_the_first_and_answers_a_conflict()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"), Create("a-2"));
        var first = (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        var second = (await store.GetAsync(DocumentKinds.Assessment, "a-2", Ct))!;
        _emulator.AddFault(new FaultRule { Method = "PATCH", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment]), Status = 412, Times = 1 });

        var result = await store.CommitAsync(Change("k-2", DocumentWrite.Update(first, """{"step":2}"""), DocumentWrite.Update(second, """{"step":2}"""), Message("o-1")), Ct);

        Assert.IsType<CommitResult.Conflict>(result);
        Assert.Equal((1L, first.Json), await VersionAndJsonAsync(store, "a-1"));
        Assert.Equal((1L, second.Json), await VersionAndJsonAsync(store, "a-2"));
        Assert.All(_emulator.Items(_site.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment])), i => Assert.False(i["fields"]![ColumnNames.Pending]!.GetValue<bool>()));
        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Change("k-2", DocumentWrite.Update(first, """{"step":2}"""), DocumentWrite.Update(second, """{"step":2}""")), Ct));
    }

    [Fact]
    public async Task Messages_of_a_change_without_documents_that_died_halfway_stay_invisible_and_the_sweep_deletes_them()
    {
        var store = await OpenAsync();
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = _site!.ListId(ListSchema.AppliedChangesKey), Status = 500, Times = 1 });
        await Assert.ThrowsAsync<GraphStoreException>(() => store.CommitAsync(Change("k-1", Message("o-1")), Ct));

        Assert.Empty(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
        Assert.Equal(0, await store.RecoverAsync(TimeSpan.FromHours(1), Ct));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));

        await store.RecoverAsync(TimeSpan.Zero, Ct);

        Assert.Empty(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));
        await CommitAsync(store, "k-1", Message("o-1"));
        Assert.Single(await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 10, Ct));
    }

    [Fact]
    public async Task A_create_that_committed_before_a_504_is_retried_by_the_sdk_and_still_applies_once()
    {
        var store = await OpenAsync();
        // A change of creates is one $batch chain: it commits, Graph answers 504, the SDK sends the chain again.
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Outer, PathPattern = @"/\$batch$", Status = 504, CommitThenFail = true, Times = 1 });

        var result = await store.CommitAsync(Change("k-1", Create("a-1"), Message("o-1")), Ct);

        Assert.Equal(1, _emulator.RequestLog.Count(e => e.Fault is not null));
        Assert.Equal(new CommitResult.Replayed("""{"key":"k-1"}"""), result);
        Assert.Single(_emulator.Items(_site!.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment])));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.AppliedChangesKey)));
    }

    [Fact]
    public async Task The_status_of_a_unique_violation_is_configurable_until_a_real_tenant_settles_it()
    {
        _emulator.Options.UniqueViolationStatus = 400;
        _emulator.Options.UniqueViolationCode = "invalidRequest";
        _site = await TestSite.ProvisionAsync(_emulator);
        var options = TestSite.Options;
        options.UniqueViolationStatus = 400;
        var store = await GraphRiskStore.OpenAsync(TestSite.Client(_emulator), options, null, Ct);
        _emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Outer, PathPattern = "/items$", Status = 504, CommitThenFail = true, Times = 1 });

        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Change("k-1", Create("a-1"), Message("o-1")), Ct));
        Assert.IsType<CommitResult.Replayed>(await store.CommitAsync(Change("k-1", Create("a-1"), Message("o-1")), Ct));
        Assert.Single(_emulator.Items(_site.ListId(ListSchema.OutboxKey)));
    }

    [Fact]
    public async Task A_value_longer_than_its_single_line_column_is_refused_before_anything_is_written()
    {
        var store = await OpenAsync();
        var tooLong = DocumentWrite.Create(DocumentKinds.Assessment, "a-1", "{}", new Dictionary<string, string> { ["systemId"] = new('x', 256) });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(Change("k-1", tooLong), Ct));

        Assert.Contains("SystemId", error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Items(_site!.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment])));
    }

    [Fact]
    public async Task Reads_follow_next_links_past_graphs_page_cap()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", [.. Enumerable.Range(1, 12).Select(n => Message($"o-{n:D2}", $"conv-{n}"))]);
        _emulator.Options.MaxPageSize = 5;

        var due = await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 100, Ct);

        Assert.Equal(12, due.Count);
        Assert.Contains(_emulator.RequestLog, e => e.Target.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_store_refuses_to_start_on_a_site_provisioned_for_an_older_schema()
    {
        var site = await TestSite.ProvisionAsync(_emulator, schemaVersion: ListSchema.Version - 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => site.OpenStoreAsync());

        Assert.Contains("provision", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_query_filters_on_indexed_columns_only_so_large_lists_stay_under_the_threshold()
    {
        var store = await OpenAsync();
        _emulator.Options.ListViewThreshold = 5;
        foreach (var n in Enumerable.Range(1, 8))
        {
            await CommitAsync(store, $"k-{n}", Create($"a-{n}"), Message($"o-{n}", $"conv-{n}"));
        }

        Assert.Equal(8, (await store.QueryAsync(DocumentKinds.Assessment, DocumentQuery.Where("state", "inProgress"), Ct)).Items.Count);
        Assert.Equal(8, (await store.ReadDueOutboxAsync(DateTimeOffset.MaxValue, 100, Ct)).Count);
        Assert.Empty((await store.ReadDeadLettersAsync(10, null, Ct)).Rows);
        Assert.Equal(0, await store.RecoverAsync(Ct));
        Assert.Equal(8, await store.PruneAppliedChangesAsync(DateTimeOffset.MaxValue, 100, Ct));
        Assert.DoesNotContain(_emulator.RequestLog, e => e.Status is 400 or 500);
    }

    [Fact]
    public async Task A_card_sized_update_of_a_document_just_read_takes_two_graph_round_trips()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        var seen = (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        var before = _emulator.RequestLog.Count(e => !e.IsBatchStep);

        await CommitAsync(store, "k-2", DocumentWrite.Update(seen, """{"step":2}"""), Message("o-1"));

        // design.md §2: the write with If-Match validates the read cache, then one $batch.
        Assert.Equal(2, _emulator.RequestLog.Count(e => !e.IsBatchStep) - before);
    }

    [Fact]
    public async Task A_committee_edit_since_the_read_sends_the_commit_down_the_full_path_and_it_still_applies()
    {
        var store = await OpenAsync();
        await CommitAsync(store, "k-1", Create("a-1"));
        var seen = (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        var listId = _site!.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment]);
        var itemId = int.Parse(_emulator.Items(listId).Single()["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        _emulator.EditItemAs(listId, itemId, new System.Text.Json.Nodes.JsonObject { [ColumnNames.CommitteeComment] = "Set af udvalget" }, Emulator.DefaultCaller);

        await CommitAsync(store, "k-2", DocumentWrite.Update(seen, """{"step":2}"""));

        Assert.Equal(2, (await store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        // The app writes the decision columns from the record (the delta sync judges a committee edit, Delta/CommitteeEditSync).
        Assert.Null(_emulator.Items(listId).Single()["fields"]![ColumnNames.CommitteeComment]);
    }

    private TestSite? _site;

    private static async Task<(long, string)> VersionAndJsonAsync(GraphRiskStore store, string id) =>
        (await store.GetAsync(DocumentKinds.Assessment, id, Ct)) is { } document ? (document.Version, document.Json) : (0, string.Empty);

    private async Task<GraphRiskStore> OpenAsync()
    {
        _site = await TestSite.ProvisionAsync(_emulator);
        return await _site.OpenStoreAsync();
    }

    /// <summary>A commit and the clearing after its answer, so what the test does next meets cleared items.</summary>
    private static async Task CommitAsync(GraphRiskStore store, string key, params object[] parts)
    {
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(Change(key, parts), Ct));
        await store.HousekeepingSettled();
    }

    private static StoreChange Change(string key, params object[] parts) =>
        new(key, [.. parts.OfType<DocumentWrite>()], [], [.. parts.OfType<OutboxMessage>()], $$"""{"key":"{{key}}"}""");

    private static DocumentWrite Create(string id) =>
        DocumentWrite.Create(DocumentKinds.Assessment, id, $$"""{"id":"{{id}}"}""", new Dictionary<string, string> { ["systemId"] = "sys-1", ["state"] = "inProgress" });

    private static OutboxMessage Message(string id, string orderingKey = "conv-1") =>
        new(id, OutboxKinds.TeamsSend, orderingKey, """{"text":"Hej"}""", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
}
