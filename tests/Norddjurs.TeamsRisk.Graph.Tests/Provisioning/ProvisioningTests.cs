using Microsoft.Graph;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Provisioning;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using GraphColumn = Microsoft.Graph.Models.ColumnDefinition;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Provisioning;

/// <summary>The desired-state reconcile of graph-sharepoint.md §2.6 and the contract tests 2–3 of §10.7, against the emulator.</summary>
public sealed class ProvisioningTests
{
    private const string SiteUrl = "https://norddjurs.sharepoint.com/sites/Informationssikkerhed";

    private static readonly ListDefinition Systems = new("systems", "Systemer", "Systemregisteret",
    [
        new ColumnDefinition("SystemKey", "Systemnøgle", ColumnKind.Text, Indexed: true, Unique: true, Required: true, MaxLength: 64),
        new ColumnDefinition("Status", "Status", ColumnKind.Choice, Indexed: true, Choices: ["Aktiv", "Udfaset"]),
        new ColumnDefinition("Notes", "Noter", ColumnKind.Note, Description: "Fri tekst"),
    ]);

    private static readonly ListDefinition Measures = new("measures", "Tiltag", "Tiltag mod risici",
    [
        new ColumnDefinition("DueDate", "Frist", ColumnKind.DateTime),
        new ColumnDefinition("Points", "Point", ColumnKind.Number),
        new ColumnDefinition("Done", "Gennemført", ColumnKind.Boolean),
    ]);

    private readonly Emulator _emulator = new();
    private readonly SiteProvisioner _provisioner;
    private readonly GraphServiceClient _graph;

    public ProvisioningTests()
    {
        _emulator.SeedSite("norddjurs.sharepoint.com", "/sites/Informationssikkerhed");
        _graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));
        _provisioner = new SiteProvisioner(_graph);
    }

    [Fact]
    public async Task An_empty_site_gets_every_list_and_column_and_the_configuration_records_them()
    {
        var report = await RunAsync(Systems, Measures);

        Assert.True(report.ChangedAnything);
        Assert.Equal([ListSchema.ConfigListKey, "systems", "measures"], report.Lists.Select(l => l.Key));
        Assert.All(report.Lists, l => Assert.Equal(Change.Created, l.Change));
        Assert.All(report.Lists.SelectMany(l => l.Columns), c => Assert.Equal(Change.Created, c.Change));
        var systemKey = await ColumnAsync(report, "systems", "SystemKey");
        Assert.True(systemKey.Indexed);
        Assert.True(systemKey.EnforceUniqueValues);
        Assert.Equal(64, systemKey.Text?.MaxLength);
        Assert.True((await ColumnAsync(report, "systems", "Notes")).Text?.AllowMultipleLines);
        Assert.Equal(["Aktiv", "Udfaset"], (await ColumnAsync(report, "systems", "Status")).Choice?.Choices);

        var settings = report.Settings.ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(ListSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), settings["schemaVersion"]);
        Assert.Equal(report.Lists[1].Id, settings["list:systems"]);
        Assert.Equal(report.Lists[0].Id, settings[$"list:{ListSchema.ConfigListKey}"]);
        Assert.All(report.Settings, s => Assert.Equal(Change.Created, s.Change));
        Assert.Equal(4, _emulator.Items(Guid.Parse(report.Lists[0].Id)).Count); // schemaVersion and three list ids
        Assert.Contains(report.ManualSteps, s => s is { Kind: ManualStepKind.DefaultView, ListDisplayName: "Systemer" });
        Assert.DoesNotContain(report.ManualSteps, s => s.ListDisplayName == ListSchema.ConfigListKey);
    }

    [Fact]
    public async Task A_second_run_writes_nothing_and_says_so()
    {
        await RunAsync(Systems, Measures);
        var requestsBefore = _emulator.RequestLog.Count;

        var report = await RunAsync(Systems, Measures);

        Assert.False(report.ChangedAnything);
        Assert.All(report.Lists.SelectMany(l => l.Columns), c => Assert.Equal(Change.Unchanged, c.Change));
        Assert.Empty(report.ManualSteps);
        Assert.All(_emulator.RequestLog.Skip(requestsBefore), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_column_added_to_the_schema_later_is_added_to_the_existing_list()
    {
        var first = await RunAsync(Systems);
        var grown = Systems with { Columns = [.. Systems.Columns, new ColumnDefinition("OwnerAadId", "Ejer (Entra-id)", ColumnKind.Text, Indexed: true)] };

        var report = await RunAsync(grown);

        var systems = report.Lists.Single(l => l.Key == "systems");
        Assert.Equal(first.Lists.Single(l => l.Key == "systems").Id, systems.Id);
        Assert.Equal(Change.Updated, systems.Change);
        Assert.Equal(Change.Created, systems.Columns.Single(c => c.Name == "OwnerAadId").Change);
        Assert.All(systems.Columns.Where(c => c.Name != "OwnerAadId"), c => Assert.Equal(Change.Unchanged, c.Change));
        Assert.Equal([new ManualStep(ManualStepKind.DefaultView, "Systemer", systems.Id)], report.ManualSteps);
        Assert.True((await ColumnAsync(report, "systems", "OwnerAadId")).Indexed);
    }

    [Fact]
    public async Task Changed_mutable_properties_are_patched_and_named()
    {
        await RunAsync(Systems);
        var changed = Systems with
        {
            Columns =
            [
                Systems.Columns[0] with { MaxLength = 100 },
                Systems.Columns[1] with { Indexed = false, Choices = ["Aktiv", "Udfaset", "Planlagt"] },
                Systems.Columns[2] with { Required = true, Description = "Noter om systemet" },
            ],
        };

        var report = await RunAsync(changed);

        var columns = report.Lists.Single(l => l.Key == "systems").Columns.ToDictionary(c => c.Name);
        Assert.Equal(["maxLength"], columns["SystemKey"].ChangedProperties);
        Assert.Equal(["indexed", "choices"], columns["Status"].ChangedProperties);
        Assert.Equal(["description", "required"], columns["Notes"].ChangedProperties);
        Assert.All(columns.Values, c => Assert.Equal(Change.Updated, c.Change));
        var status = await ColumnAsync(report, "systems", "Status");
        Assert.False(status.Indexed);
        Assert.Equal(["Aktiv", "Udfaset", "Planlagt"], status.Choice?.Choices);
        Assert.False((await RunAsync(changed)).ChangedAnything);
    }

    [Fact]
    public async Task Uniqueness_added_later_is_patched_after_the_index()
    {
        var plain = Systems with { Columns = [Systems.Columns[0] with { Indexed = false, Unique = false }] };
        await RunAsync(plain);

        var report = await RunAsync(Systems with { Columns = [Systems.Columns[0]] });

        Assert.Equal(["indexed", "enforceUniqueValues"], report.Lists.Single(l => l.Key == "systems").Columns[0].ChangedProperties);
        var patches = _emulator.RequestLog.Where(r => r.Method == "PATCH").TakeLast(2).ToList();
        Assert.Equal(2, patches.Count);
        var column = await ColumnAsync(report, "systems", "SystemKey");
        Assert.True(column.Indexed);
        Assert.True(column.EnforceUniqueValues);
    }

    [Fact]
    public async Task A_column_whose_type_changed_stops_the_run_before_anything_is_written()
    {
        var first = await RunAsync(Systems);
        var systemsId = first.Lists.Single(l => l.Key == "systems").Id;
        var notes = await ColumnAsync(first, "systems", "Notes");
        await _graph.Sites[first.SiteId].Lists[systemsId].Columns[notes.Id].DeleteAsync();
        await _graph.Sites[first.SiteId].Lists[systemsId].Columns.PostAsync(new GraphColumn { Name = "Notes", Number = new() });
        var requestsBefore = _emulator.RequestLog.Count;

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => RunAsync(Systems, Measures));

        Assert.Equal(ProvisioningFailure.ColumnTypeChanged, failure.Failure);
        Assert.Equal(("Systemer", "Notes", "text (multiple lines)", "number"), (failure.List, failure.Column, failure.Expected, failure.Actual));
        Assert.All(_emulator.RequestLog.Skip(requestsBefore), r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_list_is_found_by_its_stored_id_even_after_its_title_changed()
    {
        var first = await RunAsync(Systems);
        var id = first.Lists.Single(l => l.Key == "systems").Id;

        var report = await RunAsync(Systems with { DisplayName = "Systemregister" });

        var systems = report.Lists.Single(l => l.Key == "systems");
        Assert.Equal(id, systems.Id);
        Assert.Equal(Change.Unchanged, systems.Change);
    }

    [Fact]
    public async Task A_list_made_by_hand_is_adopted_by_its_title()
    {
        var made = await _graph.Sites["norddjurs.sharepoint.com:/sites/Informationssikkerhed"].Lists.PostAsync(
            new Microsoft.Graph.Models.List { DisplayName = "Systemer", ListProp = new() { Template = "genericList" } });

        var report = await RunAsync(Systems);

        var systems = report.Lists.Single(l => l.Key == "systems");
        Assert.Equal(made!.Id, systems.Id);
        Assert.Equal(Change.Updated, systems.Change);
        Assert.Equal(made.Id, report.Settings.Single(s => s.Key == "list:systems").Value);
    }

    [Theory]
    [InlineData("^/sites/[^/]+/lists$")]
    [InlineData("^/sites/[^/]+/lists/[^/]+/columns$")]
    [InlineData("^/sites/[^/]+/lists/[^/]+/items$")]
    public async Task A_create_that_was_committed_but_answered_504_is_read_back_not_duplicated(string path)
    {
        // The SDK re-sends the POST (§7.4); the second attempt meets the first one's result as a 409 (§2.6 step 7).
        var fault = _emulator.AddFault(new FaultRule { Method = "POST", PathPattern = path, Status = 504, RetryAfter = "1", CommitThenFail = true, Times = 1 });

        var report = await RunAsync(Systems);

        Assert.Equal(1, fault.Fired);
        Assert.Contains(_emulator.RequestLog, r => r.Status == 409);
        var systems = await _graph.Sites[report.SiteId].Lists.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'Systemer'");
        Assert.Single(systems!.Value!);
        Assert.Equal(3, _emulator.Items(Guid.Parse(report.Lists[0].Id)).Count); // schemaVersion and two list ids
        Assert.False((await RunAsync(Systems)).ChangedAnything);
    }

    [Fact]
    public async Task An_unknown_site_stops_with_site_not_found()
    {
        var failure = await Assert.ThrowsAsync<ProvisioningException>(() =>
            _provisioner.RunAsync("https://norddjurs.sharepoint.com/sites/Findesikke", [Systems], ListSchema.Version, CancellationToken.None));

        Assert.Equal(ProvisioningFailure.SiteNotFound, failure.Failure);
        Assert.DoesNotContain(_emulator.RequestLog, r => r.Method != "GET");
    }

    [Fact]
    public async Task The_products_schema_provisions_and_a_second_run_changes_nothing()
    {
        var first = await _provisioner.RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
        var second = await _provisioner.RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);

        Assert.True(first.ChangedAnything);
        Assert.False(second.ChangedAnything);
        Assert.Equal(first.Lists.Select(l => l.Id), second.Lists.Select(l => l.Id));
    }

    [Fact]
    public async Task A_site_provisioned_before_the_change_manifests_list_gets_it_and_a_second_run_changes_nothing()
    {
        var older = ListSchema.Lists.Where(l => l.Key != ListSchema.ChangeManifestsKey).ToList();
        await _provisioner.RunAsync(SiteUrl, older, ListSchema.Version - 1, CancellationToken.None);
        var options = new GraphStoreOptions { SiteUrl = SiteUrl };
        await Assert.ThrowsAsync<InvalidOperationException>(() => GraphRiskStore.OpenAsync(_graph, options, null, CancellationToken.None));

        var upgrade = await _provisioner.RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);
        var requestsBefore = _emulator.RequestLog.Count;
        var again = await _provisioner.RunAsync(SiteUrl, ListSchema.Lists, ListSchema.Version, CancellationToken.None);

        var manifests = upgrade.Lists.Single(l => l.Key == ListSchema.ChangeManifestsKey);
        Assert.Equal(Change.Created, manifests.Change);
        Assert.Equal("Ændringsmanifester", manifests.DisplayName);
        Assert.True((await ColumnAsync(upgrade, ListSchema.ChangeManifestsKey, ColumnNames.OperationId)).EnforceUniqueValues);
        Assert.True((await ColumnAsync(upgrade, ListSchema.ChangeManifestsKey, ColumnNames.ChangeKey)).Indexed);
        Assert.All(upgrade.Lists.Where(l => l.Key is not ListSchema.ChangeManifestsKey and not ListSchema.ConfigListKey), l => Assert.Equal(Change.Unchanged, l.Change));
        Assert.Contains(upgrade.Settings, s => s is { Key: "schemaVersion", Change: Change.Updated } && s.Value == ListSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(again.ChangedAnything);
        Assert.All(_emulator.RequestLog.Skip(requestsBefore), r => Assert.Equal("GET", r.Method));
        Assert.NotNull(await GraphRiskStore.OpenAsync(_graph, options, null, CancellationToken.None));
    }

    private Task<ProvisioningReport> RunAsync(params ListDefinition[] lists) =>
        _provisioner.RunAsync(SiteUrl, lists, ListSchema.Version, CancellationToken.None);

    private async Task<GraphColumn> ColumnAsync(ProvisioningReport report, string listKey, string name)
    {
        var columns = await _graph.Sites[report.SiteId].Lists[report.Lists.Single(l => l.Key == listKey).Id].Columns.GetAsync();
        return columns!.Value!.Single(c => c.Name == name);
    }
}
