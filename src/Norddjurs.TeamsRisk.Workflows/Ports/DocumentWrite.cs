namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// A create or an update of one document within a <see cref="StoreChange"/>. <see cref="ExpectedVersion"/> null
/// means "create: the id must not exist"; otherwise the stored version must equal it, or the change is a conflict
/// (no lost update, design.md §2.4). The index replaces the document's previous index values.
/// </summary>
public sealed record DocumentWrite(string Kind, string Id, long? ExpectedVersion, string Json, IReadOnlyDictionary<string, string> Index)
{
    public static DocumentWrite Create(string kind, string id, string json, IReadOnlyDictionary<string, string>? index = null) =>
        new(kind, id, null, json, index ?? NoIndex);

    public static DocumentWrite Update(StoredDocument current, string json, IReadOnlyDictionary<string, string>? index = null) =>
        new(current.Kind, current.Id, current.Version, json, index ?? current.Index);

    private static readonly IReadOnlyDictionary<string, string> NoIndex = new Dictionary<string, string>();
}
