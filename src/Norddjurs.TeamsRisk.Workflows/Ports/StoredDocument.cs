namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// One document as stored: its JSON body, the version a later write must name (SQLite: an integer; SharePoint:
/// derived from the eTag) and the index values that queries filter on (design.md §2.4).
/// </summary>
public sealed record StoredDocument(string Kind, string Id, long Version, string Json, IReadOnlyDictionary<string, string> Index);
