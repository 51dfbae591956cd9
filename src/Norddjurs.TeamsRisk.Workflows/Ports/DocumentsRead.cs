namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>A document to read by kind and id.</summary>
public sealed record DocumentKey(string Kind, string Id);

/// <summary>
/// What <see cref="IDocumentStore.ReadManyAsync"/> found: one entry per key (null where there is none) and the change applied
/// under the key asked about. <see cref="Cached"/>: served from this instance's cache, so possibly stale, and no applied row
/// was looked at (<see cref="Applied"/> is null whatever the store holds).
/// </summary>
public sealed record DocumentsRead(IReadOnlyList<StoredDocument?> Documents, AppliedChange? Applied, bool Cached);
