using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Faults;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Storage;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// Issue 7: the coordinator's large changes on SharePoint. One item carries the manifest (in parts when long), every other
/// item points to it, and no text column or <c>$batch</c> exceeds what SharePoint and Graph take.
/// </summary>
public sealed class LargeChangeTests(ITestOutputHelper output)
{
    private const int Municipality = 261;

    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly string SystemsList = ListSchema.DocumentListKeys[DocumentKinds.System];
    private static readonly string VersionsList = ListSchema.DocumentListKeys[DocumentKinds.SystemVersion];

    [Fact]
    public async Task An_import_of_261_systems_is_one_change_that_commits_and_whose_audit_seals_in_order()
    {
        var world = await ImportWorld.StartAsync();
        world.Wire.Reset();
        var log = world.Emulator.RequestLog.Count;

        var outcome = await world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct);

        Assert.Equal(Municipality, Assert.IsType<Outcome<ImportOutcome>.Done>(outcome).Value.Applied);
        var outer = world.Emulator.RequestLog.Skip(log).Where(e => !e.IsBatchStep).ToList();
        var loads = outer.TakeWhile(e => e.Method == "GET").Count();
        output.WriteLine($"import of {Municipality} systems: {outer.Count} HTTP requests ({loads} reads by the use case before its change, {outer.Count - loads} for the change), "
            + $"{world.Wire.Bytes:N0} request bytes, largest {world.Wire.Largest:N0}; the change took {outer[^1].At - outer[loads].At:g}");
        await AssertAllStoredAsync(world);
        output.WriteLine($"largest system {Longest(world, SystemsList, ColumnNames.Body):N0}, system version {Longest(world, VersionsList, ColumnNames.Body):N0}, "
            + $"audit intent {Longest(world, ListSchema.AuditIntentsKey, ColumnNames.IntentJson):N0} characters");
        Assert.True(await new JobRounds(TimeProvider.System).SealAsync(world.Store, Ct));
        var chain = await world.Store.ReadChainAsync(1, 1000, Ct);
        Assert.True(AuditChainVerifier.Verify(chain, await world.Store.GetChainHeadAsync(Ct)).IsSuccess);
        Assert.Equal(Enumerable.Range(1, Municipality).Select(ImportWorld.SystemId), chain.Select(e => e.Intent.Subject.Id));
    }

    [Fact]
    public async Task An_import_that_died_after_its_parts_and_first_item_is_finished_by_the_sweep()
    {
        var world = await ImportWorld.StartAsync();
        // The second system: the first (the carrier, which holds the pointer to the parts) is written.
        var crash = world.Emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = world.Site.ListId(SystemsList), EveryNth = 2, Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() =>
            world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct));

        Assert.Equal(1, crash.Fired);
        Assert.NotEmpty(Items(world, ListSchema.ChangeManifestsKey));
        Assert.Single(Items(world, SystemsList));
        Assert.Null(await world.Store.GetAsync(DocumentKinds.System, StableIds.SystemDocumentId(ImportWorld.SystemId(1)), Ct));

        Assert.Equal(1, await (await world.Site.OpenStoreAsync()).RecoverAsync(Ct));

        await AssertAllStoredAsync(world);
        var replay = await world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct);
        Assert.Equal(Municipality, Assert.IsType<Outcome<ImportOutcome>.Done>(replay).Value.Applied);
        Assert.Equal(Municipality, Items(world, SystemsList).Count);
    }

    [Fact]
    public async Task An_import_that_died_after_all_its_documents_stays_invisible_until_the_sweep_finishes_it_from_the_parts()
    {
        var world = await ImportWorld.StartAsync();
        world.Emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = world.Site.ListId(ListSchema.AuditIntentsKey), Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() =>
            world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct));

        var pending = Items(world, SystemsList).Concat(Items(world, VersionsList)).ToList();
        Assert.Equal(2 * Municipality, pending.Count);
        Assert.Single(pending, f => PendingWritesValue.Parse(f[ColumnNames.PendingWrites]!.GetValue<string>()) is PendingWritesValue.Parts);
        Assert.Null(await world.Store.GetAsync(DocumentKinds.System, StableIds.SystemDocumentId(ImportWorld.SystemId(100)), Ct));

        Assert.Equal(1, await (await world.Site.OpenStoreAsync()).RecoverAsync(Ct));

        await AssertAllStoredAsync(world);
    }

    [Fact]
    public async Task An_import_committed_but_never_cleared_is_cleared_by_the_sweep_in_batches()
    {
        var world = await ImportWorld.StartAsync();
        world.Emulator.AddFault(new FaultRule { Method = "PATCH", Scope = FaultScope.Inner, ListId = world.Site.ListId(SystemsList), Status = 500 });
        world.Emulator.AddFault(new FaultRule { Method = "PATCH", Scope = FaultScope.Inner, ListId = world.Site.ListId(VersionsList), Status = 500 });

        var outcome = await world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct);

        Assert.True(outcome.IsDone);
        await world.Store.HousekeepingSettled();
        Assert.Equal(2 * Municipality, Items(world, SystemsList).Concat(Items(world, VersionsList)).Count(f => f[ColumnNames.Pending]!.GetValue<bool>()));
        world.Emulator.ClearFaults();
        var log = world.Emulator.RequestLog.Count;

        Assert.Equal(1, await (await world.Site.OpenStoreAsync()).RecoverAsync(Ct));

        Assert.InRange(world.Emulator.RequestLog.Skip(log).Count(e => !e.IsBatchStep && e.Method == "PATCH"), 0, 1);
        await AssertAllStoredAsync(world);
    }

    [Fact]
    public async Task An_item_left_marked_after_its_change_committed_and_its_carrier_was_cleared_is_cleared_by_the_sweep()
    {
        var world = await ImportWorld.StartAsync();
        world.Emulator.AddFault(new FaultRule { Method = "PATCH", Scope = FaultScope.Inner, ListId = world.Site.ListId(SystemsList), EveryNth = 2, Status = 500, Times = 1 });

        var outcome = await world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct);

        Assert.True(outcome.IsDone);
        await world.Store.HousekeepingSettled();
        var marked = Assert.Single(Items(world, SystemsList), f => f[ColumnNames.Pending]!.GetValue<bool>());
        Assert.IsType<PendingWritesValue.Reference>(PendingWritesValue.Parse(marked[ColumnNames.PendingWrites]!.GetValue<string>()));
        Assert.NotNull(await world.Store.GetAsync(DocumentKinds.System, marked[ColumnNames.DocId]!.GetValue<string>(), Ct));

        Assert.Equal(0, await (await world.Site.OpenStoreAsync()).RecoverAsync(Ct));

        await AssertAllStoredAsync(world);
    }

    [Fact]
    public async Task An_import_that_died_before_its_first_item_leaves_only_parts_which_the_sweep_deletes_once_old()
    {
        var world = await ImportWorld.StartAsync();
        var crash = world.Emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = world.Site.ListId(SystemsList), Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() =>
            world.Import().ApplyAsync(ImportWorld.AsCoordinator("import-1"), ImportWorld.Plans(Municipality), "plans.csv", Ct));

        Assert.Equal(1, crash.Fired);
        var parts = Items(world, ListSchema.ChangeManifestsKey).Count;
        Assert.True(parts > 1, $"{parts} parts");
        output.WriteLine($"the import's manifest: {parts} parts, {Items(world, ListSchema.ChangeManifestsKey).Sum(p => p[ColumnNames.PartText]!.GetValue<string>().Length):N0} characters");
        Assert.Empty(Items(world, SystemsList));
        Assert.Empty(Items(world, VersionsList));
        Assert.Empty(Items(world, ListSchema.AuditIntentsKey));

        // Young parts may belong to a runner about to write its first item: kept until the orphan age.
        Assert.Equal(0, await world.Store.RecoverAsync(Ct));
        Assert.Equal(parts, Items(world, ListSchema.ChangeManifestsKey).Count);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await world.Store.RecoverAsync(TimeSpan.FromMilliseconds(500), Ct));

        Assert.Empty(Items(world, ListSchema.ChangeManifestsKey));
        Assert.Null(await world.Store.FindAppliedChangeAsync("import-1", Ct));
    }

    [Fact]
    public async Task A_method_and_catalogue_publish_of_more_than_60000_characters_commits()
    {
        var world = await ImportWorld.StartAsync();
        var method = Document("method", 16_000);
        var catalogue = Document("catalogue", 56_000);
        var change = new StoreChange(
            "publish-1",
            [
                DocumentWrite.Create(DocumentKinds.MethodVersion, "metode@2", method, new Dictionary<string, string> { ["methodId"] = "metode" }),
                DocumentWrite.Create(DocumentKinds.CatalogueVersion, "katalog@2", catalogue, new Dictionary<string, string> { ["catalogueId"] = "katalog" }),
            ],
            [],
            [],
            """{"published":true}""");

        Assert.IsType<CommitResult.Committed>(await world.Store.CommitAsync(change, Ct));

        Assert.Equal(catalogue, (await world.Store.GetAsync(DocumentKinds.CatalogueVersion, "katalog@2", Ct))!.Json);
        Assert.Equal(method, (await world.Store.GetAsync(DocumentKinds.MethodVersion, "metode@2", Ct))!.Json);
        Assert.Contains(world.Emulator.RequestLog, e => e.Method == "POST" && e.Target.Contains(world.Site.ListIds[ListSchema.ChangeManifestsKey], StringComparison.Ordinal));
        await world.Store.HousekeepingSettled();
        Assert.Empty(Items(world, ListSchema.ChangeManifestsKey));
    }

    [Fact]
    public async Task A_document_longer_than_a_multiple_lines_column_is_refused_before_anything_is_written()
    {
        var world = await ImportWorld.StartAsync();
        var log = world.Emulator.RequestLog.Count;
        var fits = DocumentWrite.Create(DocumentKinds.Assessment, "a-1", "{}", new Dictionary<string, string>());
        var tooLong = DocumentWrite.Create(DocumentKinds.Assessment, "a-2", Document("a-2", FieldValues.MaxNoteLength + 1), new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Store.CommitAsync(new StoreChange("k-1", [fits, tooLong], [], [], null), Ct));

        Assert.Contains("'Body'", error.Message, StringComparison.Ordinal);
        Assert.Contains("63999", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Emulator.RequestLog.Skip(log));
    }

    [Fact]
    public async Task Twenty_documents_of_60000_danish_letters_go_in_batches_under_the_request_limit()
    {
        // Each letter travels as a six-byte \u escape: twenty such documents are more than one request may carry.
        var world = await ImportWorld.StartAsync();
        var text = new JsonObject { ["tekst"] = string.Concat(Enumerable.Repeat("æøå", 20_000)) }.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var writes = Enumerable.Range(1, 20)
            .Select(n => DocumentWrite.Create(DocumentKinds.Assessment, $"a-{n}", text, new Dictionary<string, string>()))
            .ToList();
        world.Wire.Reset();

        Assert.IsType<CommitResult.Committed>(await world.Store.CommitAsync(new StoreChange("k-1", writes, [], [], null), Ct));

        output.WriteLine($"{writes.Count} documents of {text.Length:N0} characters: largest request {world.Wire.Largest:N0} bytes, {world.Wire.Bytes:N0} in all");
        Assert.InRange(world.Wire.Largest, 1, world.Emulator.Options.MaxRequestBytes);
        Assert.True(world.Wire.Bytes > world.Emulator.Options.MaxRequestBytes, "the change alone is larger than one request may be");
        Assert.Equal(text, (await world.Store.GetAsync(DocumentKinds.Assessment, "a-20", Ct))!.Json);
    }

    private static int Longest(ImportWorld world, string listKey, string column) =>
        Items(world, listKey).Max(f => f[column]?.GetValue<string>().Length ?? 0);

    private static List<JsonObject> Items(ImportWorld world, string listKey) =>
        [.. world.Emulator.Items(world.Site.ListId(listKey)).Select(i => i["fields"]!.AsObject())];

    /// <summary>Every system and its version readable through the store, nothing left pending, no parts left.</summary>
    private static async Task AssertAllStoredAsync(ImportWorld world)
    {
        await world.Store.HousekeepingSettled();
        for (var n = 1; n <= Municipality; n++)
        {
            var system = await world.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(ImportWorld.SystemId(n)), Ct);
            Assert.Equal($"Omsorgssystem {n}", system!.Value.Name);
        }

        Assert.Equal(Municipality, Items(world, VersionsList).Count);
        Assert.All(Items(world, SystemsList).Concat(Items(world, VersionsList)), f => Assert.NotEqual(true, f[ColumnNames.Pending]?.GetValue<bool>()));
        Assert.Empty(Items(world, ListSchema.ChangeManifestsKey));
        Assert.NotNull(await world.Store.FindAppliedChangeAsync("import-1", Ct));
    }

    /// <summary>A JSON document of about <paramref name="length"/> characters, quoted text as the real method and catalogue are.</summary>
    private static string Document(string id, int length)
    {
        var events = new JsonArray();
        var json = new JsonObject { ["id"] = id, ["events"] = events };
        for (var i = 0; json.ToJsonString().Length < length - 120; i++)
        {
            events.Add(new JsonObject { ["id"] = $"EV-{i:D4}", ["title"] = "Strømsvigt i datacenter", ["guidance"] = "Vurdér \"værste realistiske\" udfald" });
        }

        var text = json.ToJsonString();
        return text[..^2] + "]" + new string(' ', Math.Max(0, length - text.Length)) + "}";
    }
}
