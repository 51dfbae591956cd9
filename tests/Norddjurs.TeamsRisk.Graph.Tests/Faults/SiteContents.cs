using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Tests.Faults;

/// <summary>
/// What the site's lists hold, read from the emulator's state and not through the store, so pending and orphaned items
/// the store would hide from readers are seen too.
/// </summary>
internal sealed class SiteContents
{
    public static readonly string Assessments = ListSchema.DocumentListKeys[DocumentKinds.Assessment];
    public static readonly string Snapshots = ListSchema.DocumentListKeys[DocumentKinds.Snapshot];

    private static readonly string[] ChangeLists =
        [Assessments, Snapshots, ListSchema.AppliedChangesKey, ListSchema.OutboxKey, ListSchema.AuditIntentsKey, ListSchema.AuditEntriesKey];

    private readonly Dictionary<string, List<JsonObject>> _fields;

    private SiteContents(Dictionary<string, List<JsonObject>> fields) => _fields = fields;

    public static SiteContents Read(TestSite site) =>
        new(ChangeLists.ToDictionary(key => key, key => site.Emulator.Items(site.ListId(key)).Select(i => i["fields"]!.AsObject()).ToList(), StringComparer.Ordinal));

    public IReadOnlyList<JsonObject> All(string listKey) => _fields[listKey];

    /// <summary>Items whose text column holds the value (ids, keys; compared exactly).</summary>
    public IReadOnlyList<JsonObject> Where(string listKey, string column, string value) =>
        [.. _fields[listKey].Where(f => f[column]?.GetValue<string>() == value)];

    /// <summary>
    /// Items marked as written by a change whose commit point (its applied-change row) does not exist: half-written work.
    /// A confirmed change's dependent rows may keep their marks (readers check the applied row), so those do not count.
    /// </summary>
    public IEnumerable<(string List, JsonObject Fields)> Unconfirmed()
    {
        var committed = _fields[ListSchema.AppliedChangesKey].Select(f => f[ColumnNames.OperationId]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return _fields.SelectMany(l => l.Value
            .Where(f => f[ColumnNames.Pending]?.GetValue<bool>() == true && !committed.Contains(f[ColumnNames.ChangeKey]?.GetValue<string>() ?? string.Empty))
            .Select(f => (l.Key, f)));
    }

    /// <summary>Documents still carrying a change's marks: the sweep clears them once the change is confirmed.</summary>
    public IEnumerable<JsonObject> MarkedDocuments() =>
        _fields[Assessments].Concat(_fields[Snapshots]).Where(f => f[ColumnNames.Pending]?.GetValue<bool>() == true);

    public static long DocVersion(JsonObject fields) => (long)double.Parse(fields[ColumnNames.DocVersion]!.ToJsonString(), CultureInfo.InvariantCulture);
}
