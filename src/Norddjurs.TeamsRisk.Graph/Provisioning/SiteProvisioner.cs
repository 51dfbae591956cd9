using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Norddjurs.TeamsRisk.Graph.Lists;
using GraphColumn = Microsoft.Graph.Models.ColumnDefinition;
using GraphList = Microsoft.Graph.Models.List;

namespace Norddjurs.TeamsRisk.Graph.Provisioning;

/// <summary>
/// Makes a SharePoint site hold the desired lists and columns: the desired-state reconcile of graph-sharepoint.md §2.6.
/// It reads everything first, so a column whose type changed stops the run before anything is written; then it creates
/// what is missing, patches only what differs, and records the schema version and every list's id in the configuration
/// list. Every step is safe to re-run, and a run against a matching site writes nothing.
/// </summary>
public sealed class SiteProvisioner(GraphServiceClient graph)
{
    private const string ListTemplate = "genericList";

    public async Task<ProvisioningReport> RunAsync(
        string siteUrl, IReadOnlyList<ListDefinition> lists, int schemaVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var siteId = await ResolveSiteAsync(siteUrl, cancellationToken).ConfigureAwait(false);
        var configDefinition = lists.FirstOrDefault(IsConfigurationList) ?? ConfigurationList.Definition;
        var configTarget = await FindAsync(siteId, configDefinition, storedId: null, cancellationToken).ConfigureAwait(false);
        var settings = configTarget.List?.Id is { } configListId
            ? await ReadSettingsAsync(siteId, configListId, cancellationToken).ConfigureAwait(false)
            : [];

        List<ListTarget> targets = [configTarget];
        foreach (var definition in lists.Where(l => !IsConfigurationList(l)))
        {
            var storedId = settings.GetValueOrDefault(ConfigurationList.ListIdKey(definition.Key))?.Value;
            targets.Add(await FindAsync(siteId, definition, storedId, cancellationToken).ConfigureAwait(false));
        }

        foreach (var target in targets)
        {
            foreach (var column in target.Columns)
            {
                CheckType(siteUrl, target.Definition, column);
            }
        }

        var outcomes = new List<ListOutcome>();
        foreach (var target in targets)
        {
            outcomes.Add(await ApplyAsync(siteUrl, siteId, target, cancellationToken).ConfigureAwait(false));
        }

        var desiredSettings = new List<(string Key, string Value)> { (ConfigurationList.SchemaVersionKey, schemaVersion.ToString(CultureInfo.InvariantCulture)) };
        desiredSettings.AddRange(outcomes.Select(o => (ConfigurationList.ListIdKey(o.Key), o.Id)));
        var settingOutcomes = await RecordAsync(siteId, outcomes[0].Id, settings, desiredSettings, cancellationToken).ConfigureAwait(false);
        return new ProvisioningReport(siteId, outcomes, settingOutcomes, ManualSteps(outcomes.Skip(1)));
    }

    private static bool IsConfigurationList(ListDefinition list) =>
        string.Equals(list.Key, ListSchema.ConfigListKey, StringComparison.OrdinalIgnoreCase);

    /// <summary>Step 1: the site's id; Graph cannot create sites, so a missing one stops the run.</summary>
    private async Task<string> ResolveSiteAsync(string siteUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(siteUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ProvisioningException(ProvisioningFailure.InvalidSiteUrl, siteUrl);
        }

        var path = url.AbsolutePath.TrimEnd('/');
        var address = path.Length == 0 ? url.Host : $"{url.Host}:{path}";
        try
        {
            var site = await graph.Sites[address].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
            return site?.Id ?? throw new ProvisioningException(ProvisioningFailure.SiteNotFound, siteUrl);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            throw new ProvisioningException(ProvisioningFailure.SiteNotFound, siteUrl);
        }
    }

    /// <summary>Steps 2–3 without writing: the list by its stored id, else by display name, and its columns.</summary>
    private async Task<ListTarget> FindAsync(string siteId, ListDefinition definition, string? storedId, CancellationToken cancellationToken)
    {
        var list = storedId is null ? null : await GetListAsync(siteId, storedId, cancellationToken).ConfigureAwait(false);
        list ??= await FindByDisplayNameAsync(siteId, definition.DisplayName, cancellationToken).ConfigureAwait(false);
        var columns = list?.Id is { } id ? await GetColumnsAsync(siteId, id, cancellationToken).ConfigureAwait(false) : [];
        return new ListTarget(definition, list, columns);
    }

    private async Task<GraphList?> GetListAsync(string siteId, string listId, CancellationToken cancellationToken)
    {
        try
        {
            return await graph.Sites[siteId].Lists[listId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.ResponseStatusCode is 404 or 400)
        {
            // A stored id of a deleted list (or not a list id at all): fall back to the display name.
            return null;
        }
    }

    private async Task<GraphList?> FindByDisplayNameAsync(string siteId, string displayName, CancellationToken cancellationToken)
    {
        var found = await graph.Sites[siteId].Lists.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'";
                r.QueryParameters.Select = ["id", "displayName"];
            },
            cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault();
    }

    private async Task<IReadOnlyList<GraphColumn>> GetColumnsAsync(string siteId, string listId, CancellationToken cancellationToken)
    {
        var columns = await graph.Sites[siteId].Lists[listId].Columns.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return columns?.Value ?? [];
    }

    private static void CheckType(string siteUrl, ListDefinition list, GraphColumn actual)
    {
        var desired = list.Columns.FirstOrDefault(c => string.Equals(c.Name, actual.Name, StringComparison.OrdinalIgnoreCase));
        if (desired is not null && ColumnReconciliation.TypeOf(actual) != ColumnReconciliation.TypeOf(desired))
        {
            throw new ProvisioningException(
                ProvisioningFailure.ColumnTypeChanged, siteUrl, list.DisplayName, desired.Name, ColumnReconciliation.TypeOf(desired), ColumnReconciliation.TypeOf(actual));
        }
    }

    /// <summary>Steps 2 and 4 with writes: the list created if missing, then each column created or patched.</summary>
    private async Task<ListOutcome> ApplyAsync(string siteUrl, string siteId, ListTarget target, CancellationToken cancellationToken)
    {
        var definition = target.Definition;
        var list = target.List;
        var columns = target.Columns;
        var listChange = Change.Unchanged;
        if (list?.Id is null)
        {
            list = await CreateListAsync(siteId, definition, cancellationToken).ConfigureAwait(false);
            columns = await GetColumnsAsync(siteId, list.Id!, cancellationToken).ConfigureAwait(false);
            listChange = Change.Created;
        }

        var listId = list.Id!;
        var outcomes = new List<ColumnOutcome>();
        foreach (var desired in definition.Columns)
        {
            var actual = Find(columns, desired.Name);
            var created = actual is null;
            if (actual is null)
            {
                (actual, columns) = await CreateColumnAsync(siteId, listId, desired, cancellationToken).ConfigureAwait(false);
            }

            CheckType(siteUrl, definition, actual);
            // For a new column this is the uniqueness PATCH that must follow the index (§2.2).
            var (patches, changed) = ColumnReconciliation.Differences(desired, actual);
            foreach (var patch in patches)
            {
                await graph.Sites[siteId].Lists[listId].Columns[actual.Id].PatchAsync(patch, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            outcomes.Add(created
                ? new ColumnOutcome(desired.Name, Change.Created, [])
                : new ColumnOutcome(desired.Name, patches.Count > 0 ? Change.Updated : Change.Unchanged, changed));
        }

        if (listChange == Change.Unchanged && outcomes.Any(c => c.Change != Change.Unchanged))
        {
            listChange = Change.Updated;
        }

        return new ListOutcome(definition.Key, definition.DisplayName, listId, listChange, outcomes);
    }

    /// <summary>A <c>genericList</c> with no columns in the body, so creating and reconciling stay one code path; 409 ⇒ re-read.</summary>
    private async Task<GraphList> CreateListAsync(string siteId, ListDefinition definition, CancellationToken cancellationToken)
    {
        var body = new GraphList
        {
            DisplayName = definition.DisplayName,
            Description = definition.Description,
            ListProp = new ListInfo { Template = ListTemplate },
        };
        try
        {
            var created = await graph.Sites[siteId].Lists.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return created?.Id is null ? throw new InvalidOperationException($"Graph created list '{definition.DisplayName}' without an id.") : created;
        }
        catch (ApiException e) when (e.ResponseStatusCode == 409)
        {
            return await FindByDisplayNameAsync(siteId, definition.DisplayName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Graph says list '{definition.DisplayName}' exists but does not return it.", e);
        }
    }

    /// <summary>The new column and the list's columns after it; 409 (someone else made it meanwhile) ⇒ re-read.</summary>
    private async Task<(GraphColumn Column, IReadOnlyList<GraphColumn> Columns)> CreateColumnAsync(
        string siteId, string listId, Lists.ColumnDefinition desired, CancellationToken cancellationToken)
    {
        try
        {
            var created = await graph.Sites[siteId].Lists[listId].Columns
                .PostAsync(ColumnReconciliation.CreateBody(desired), cancellationToken: cancellationToken).ConfigureAwait(false);
            var columns = await GetColumnsAsync(siteId, listId, cancellationToken).ConfigureAwait(false);
            return (Find(columns, desired.Name) ?? created ?? throw new InvalidOperationException($"Graph did not return column '{desired.Name}'."), columns);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 409)
        {
            var columns = await GetColumnsAsync(siteId, listId, cancellationToken).ConfigureAwait(false);
            return (Find(columns, desired.Name) ?? throw new InvalidOperationException($"Graph says column '{desired.Name}' exists but does not return it.", e), columns);
        }
    }

    private static GraphColumn? Find(IReadOnlyList<GraphColumn> columns, string name) =>
        columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configuration list's items by key (case-insensitive, as the unique column compares them).</summary>
    private async Task<Dictionary<string, Setting>> ReadSettingsAsync(string siteId, string listId, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, Setting>(StringComparer.OrdinalIgnoreCase);
        var items = graph.Sites[siteId].Lists[listId].Items;
        var page = await items.GetAsync(
            r => r.QueryParameters.Expand = [$"fields($select={ConfigurationList.KeyColumn},{ConfigurationList.ValueColumn})"],
            cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                var fields = item.Fields?.AdditionalData;
                if (item.Id is { } id && fields is not null && fields.TryGetValue(ConfigurationList.KeyColumn, out var key) && key is not null)
                {
                    // Kiota hands a GUID-shaped string back as a Guid (graph-sharepoint.md §3.9): text it again.
                    var value = fields.TryGetValue(ConfigurationList.ValueColumn, out var raw)
                        ? Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty
                        : string.Empty;
                    settings[Convert.ToString(key, CultureInfo.InvariantCulture)!] = new Setting(id, value);
                }
            }

            page = page.OdataNextLink is { } next
                ? await items.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
                : null;
        }

        return settings;
    }

    /// <summary>Step 6: one configuration item per key, created or patched only when its value differs.</summary>
    private async Task<IReadOnlyList<SettingOutcome>> RecordAsync(
        string siteId, string configListId, Dictionary<string, Setting> existing, IReadOnlyList<(string Key, string Value)> desired,
        CancellationToken cancellationToken)
    {
        var items = graph.Sites[siteId].Lists[configListId].Items;
        var outcomes = new List<SettingOutcome>();
        foreach (var (key, value) in desired)
        {
            var change = Change.Unchanged;
            if (!existing.TryGetValue(key, out var setting))
            {
                try
                {
                    var fields = new FieldValueSet
                    {
                        AdditionalData = new Dictionary<string, object>
                        {
                            ["Title"] = key,
                            [ConfigurationList.KeyColumn] = key,
                            [ConfigurationList.ValueColumn] = value,
                        },
                    };
                    await items.PostAsync(new ListItem { Fields = fields }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    change = Change.Created;
                }
                catch (ApiException e) when (e.ResponseStatusCode == 409)
                {
                    // Written meanwhile (or by a retried POST): read it back and compare as below.
                    existing = await ReadSettingsAsync(siteId, configListId, cancellationToken).ConfigureAwait(false);
                    setting = existing.GetValueOrDefault(key) ?? throw new InvalidOperationException($"Setting '{key}' exists but cannot be read.", e);
                }
            }

            if (setting is not null && !string.Equals(setting.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                var fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { [ConfigurationList.ValueColumn] = value } };
                await items[setting.ItemId].Fields.PatchAsync(fields, cancellationToken: cancellationToken).ConfigureAwait(false);
                change = Change.Updated;
            }

            outcomes.Add(new SettingOutcome(key, value, change));
        }

        return outcomes;
    }

    /// <summary>Step 8 as a to-do list: a new list needs its view, form order and settings; a new column belongs in the view.</summary>
    private static List<ManualStep> ManualSteps(IEnumerable<ListOutcome> lists)
    {
        var steps = new List<ManualStep>();
        foreach (var list in lists)
        {
            if (list.Change == Change.Created)
            {
                steps.Add(new ManualStep(ManualStepKind.DefaultView, list.DisplayName, list.Id));
                steps.Add(new ManualStep(ManualStepKind.ColumnOrder, list.DisplayName, list.Id));
                steps.Add(new ManualStep(ManualStepKind.ListSettings, list.DisplayName, list.Id));
            }
            else if (list.Columns.Any(c => c.Change == Change.Created))
            {
                steps.Add(new ManualStep(ManualStepKind.DefaultView, list.DisplayName, list.Id));
            }
        }

        return steps;
    }

    private sealed record ListTarget(ListDefinition Definition, GraphList? List, IReadOnlyList<GraphColumn> Columns);

    private sealed record Setting(string ItemId, string Value);
}
