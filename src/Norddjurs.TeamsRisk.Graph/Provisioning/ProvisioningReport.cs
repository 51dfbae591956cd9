namespace Norddjurs.TeamsRisk.Graph.Provisioning;

/// <summary>What a provisioning run did to one thing.</summary>
public enum Change
{
    Unchanged,
    Created,
    Updated,
}

/// <summary>One desired column and what the run did; <see cref="ChangedProperties"/> names what an update changed.</summary>
public sealed record ColumnOutcome(string Name, Change Change, IReadOnlyList<string> ChangedProperties);

/// <summary>One desired list: found or created, and its columns.</summary>
public sealed record ListOutcome(string Key, string DisplayName, string Id, Change Change, IReadOnlyList<ColumnOutcome> Columns);

/// <summary>One item of the configuration list (<c>schemaVersion</c>, <c>list:{key}</c>).</summary>
public sealed record SettingOutcome(string Key, string Value, Change Change);

/// <summary>What Graph cannot do (graph-sharepoint.md §2.4) and someone must do in SharePoint or through its REST API.</summary>
public enum ManualStepKind
{
    /// <summary>Choose the columns of the list's default view.</summary>
    DefaultView,

    /// <summary>Order the columns in the list's forms.</summary>
    ColumnOrder,

    /// <summary>Versioning and other list settings.</summary>
    ListSettings,
}

public sealed record ManualStep(ManualStepKind Kind, string ListDisplayName, string ListId);

/// <summary>The answer of <see cref="SiteProvisioner"/>: every list, column and setting, and the manual steps left.</summary>
public sealed record ProvisioningReport(
    string SiteId,
    IReadOnlyList<ListOutcome> Lists,
    IReadOnlyList<SettingOutcome> Settings,
    IReadOnlyList<ManualStep> ManualSteps)
{
    /// <summary>False on a run against a site that already matched the schema: nothing was written.</summary>
    public bool ChangedAnything =>
        Lists.Any(l => l.Change != Change.Unchanged) || Settings.Any(s => s.Change != Change.Unchanged);
}
