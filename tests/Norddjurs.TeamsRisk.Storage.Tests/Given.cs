using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>Builds changes the way the use cases will: a document, its audit intent, its outbox message.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string> Index(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static string AssessmentJson(string id, int step = 1) =>
        new JsonObject { ["id"] = id, ["step"] = step, ["owner"] = "Anne Ejer" }.ToJsonString();

    public static DocumentWrite NewAssessment(string id, string systemId = "sys-1", string state = "inProgress") =>
        DocumentWrite.Create(DocumentKinds.Assessment, id, AssessmentJson(id), Index(("systemId", systemId), ("state", state), ("ownerObjectId", "oid-anne")));

    public static AuditIntent Intent(string entryId, string assessmentId = "a-1") =>
        new(
            entryId,
            Start,
            new AuditActor("oid-anne", "anne@norddjurs.dk", "Anne Ejer", ["systemOwner"]),
            AuditChannel.Bot,
            "activity-" + entryId,
            AuditAction.RiskScored,
            new AuditSubject("assessment", assessmentId, "1"))
        {
            Inputs = new JsonObject { ["likelihood"] = 3, ["rationale"] = "Leverandøren har haft nedbrud" },
        };

    public static OutboxMessage Message(string id, string orderingKey = "conv-1", DateTimeOffset? createdAt = null) =>
        new(id, OutboxKinds.TeamsSend, orderingKey, """{"text":"Hej"}""", createdAt ?? Start);

    public static StoreChange Change(
        string key,
        IEnumerable<DocumentWrite>? writes = null,
        IEnumerable<AuditIntent>? intents = null,
        IEnumerable<OutboxMessage>? outbox = null,
        string? result = null) =>
        new(key, [.. writes ?? []], [.. intents ?? []], [.. outbox ?? []], result);

    /// <summary>The card-sized change: one document, one intent, one message.</summary>
    public static StoreChange CardChange(string key, DocumentWrite write, string entryId, string messageId, string orderingKey = "conv-1") =>
        Change(key, [write], [Intent(entryId, write.Id)], [Message(messageId, orderingKey)], result: $$"""{"key":"{{key}}"}""");
}
