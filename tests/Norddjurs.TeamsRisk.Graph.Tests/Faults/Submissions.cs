using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Tests.Faults;

/// <summary>
/// The store change SubmitAssessment makes, without walking the guided flow 200 times: the assessment moves to
/// "submitted" at the version the owner read, its snapshot is created, one audit intent and the committee's outbox row
/// go with it, under the bot's idempotency key (conversation id + activity id, design.md §2.2).
/// </summary>
internal static class Submissions
{
    public const string CommitteeConversation = "19:udvalget@thread.tacv2";

    public static string AssessmentId(int n) => $"runde-2026:SYS-{n:D3}";

    public static string SnapshotId(int n) => AssessmentId(n) + "@1";

    public static string Key(int n) => $"a:conv-owner-{n:D3}|activity-submit-{n:D3}";

    public static string EntryId(int n) => $"submitted-{n:D3}";

    public static string MessageId(int n) => $"committee-{n:D3}";

    /// <summary>The assessment as the owner left it at the summary step, before any fault is switched on.</summary>
    public static DocumentWrite InProgress(int n) =>
        DocumentWrite.Create(DocumentKinds.Assessment, AssessmentId(n), Json(n, "inProgress"), Index(n, "inProgress"));

    public static StoreChange Submit(int n, StoredDocument seen, DateTimeOffset now) =>
        new(
            Key(n),
            [
                DocumentWrite.Update(seen, Json(n, "submitted"), Index(n, "submitted")),
                DocumentWrite.Create(DocumentKinds.Snapshot, SnapshotId(n), Json(n, "submitted"), new Dictionary<string, string>
                {
                    ["assessmentId"] = AssessmentId(n),
                    ["systemId"] = SystemId(n),
                    ["roundId"] = "runde-2026",
                }),
            ],
            [
                new AuditIntent(EntryId(n), now, new AuditActor(Owner(n), $"ejer{n:D3}@norddjurs.dk", $"Ejer {n}", ["systemOwner"]), AuditChannel.Bot,
                    $"activity-submit-{n:D3}", AuditAction.AssessmentSubmitted, new AuditSubject("assessment", AssessmentId(n), "2"))
                {
                    Computed = new JsonObject { ["snapshotId"] = SnapshotId(n) },
                },
            ],
            [new OutboxMessage(MessageId(n), OutboxKinds.TeamsSend, CommitteeConversation, $$"""{"template":"submitted","assessmentId":"{{AssessmentId(n)}}"}""", now)],
            $$"""{"assessmentId":"{{AssessmentId(n)}}","state":"submitted"}""");

    private static string SystemId(int n) => $"SYS-{n:D3}";

    private static string Owner(int n) => $"5eed0000-0000-4000-8000-000000000{n:D3}";

    private static string Json(int n, string state) =>
        new JsonObject { ["id"] = AssessmentId(n), ["systemId"] = SystemId(n), ["state"] = state }.ToJsonString();

    private static Dictionary<string, string> Index(int n, string state) => new()
    {
        ["systemId"] = SystemId(n),
        ["roundId"] = "runde-2026",
        ["state"] = state,
        ["ownerObjectId"] = Owner(n),
    };
}
