namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>
/// One desired list (graph-sharepoint.md §2.6): <see cref="Key"/> is the stable logical key the app and the
/// configuration list use to find the list's id; <see cref="DisplayName"/> is the Danish title it is created with.
/// Columns are in the order they appear in the list's forms.
/// </summary>
public sealed record ListDefinition(string Key, string DisplayName, string Description, IReadOnlyList<ColumnDefinition> Columns);
