using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>
/// An audit entry before sealing (design.md §6): written with the change it records; the single sealer later
/// assigns <c>seq</c>, <c>prevHash</c>, <c>hash</c> and <c>recordedAt</c>. The free-form parts carry the
/// §5 inputs, computed values, decision, measures and changed fields as JSON.
/// </summary>
public sealed record AuditIntent(
    string EntryId,
    DateTimeOffset OccurredAt,
    AuditActor Actor,
    AuditChannel Channel,
    string CorrelationId,
    AuditAction Action,
    AuditSubject Subject)
{
    public AuditContext? Context { get; init; }

    public JsonNode? Inputs { get; init; }

    public JsonNode? Computed { get; init; }

    public JsonNode? Decision { get; init; }

    public JsonNode? Measures { get; init; }

    public JsonNode? Before { get; init; }

    public JsonNode? After { get; init; }
}
