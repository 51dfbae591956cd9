namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// Everything the app persists, in one store (design.md §1): SQLite or SharePoint, each complete on its own.
/// Use cases depend on the narrow role they need; App registers one implementation for all of them.
/// </summary>
public interface IRiskStore : IDocumentStore, IAuditLog, IOutbox, ILeases;
