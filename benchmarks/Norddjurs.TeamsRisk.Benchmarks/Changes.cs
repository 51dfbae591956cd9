using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Benchmarks;

/// <summary>Realistically sized changes: what one card action and one submission write.</summary>
internal static class Changes
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly AuditActor Owner = new("oid-anne", "anne@norddjurs.dk", "Anne Ejer", ["systemOwner"]);

    // Built once: the benchmark measures the store, not the JSON writer.
    private static readonly string AssessmentBody = AssessmentJson("a-bench");

    /// <summary>An assessment document of about 4 KB: answers and rationales for 17 events.</summary>
    public static string AssessmentJson(string id)
    {
        var events = new JsonArray();
        for (var n = 0; n < 17; n++)
        {
            events.Add(new JsonObject
            {
                ["eventId"] = $"evt-{n:D2}",
                ["likelihood"] = n % 4 + 1,
                ["consequence"] = new JsonObject { ["confidentiality"] = 2, ["integrity"] = 3, ["availability"] = n % 5 + 1 },
                ["rationale"] = "Leverandøren har haft to nedbrud i år; driftsaftalen dækker ikke weekender.",
                ["treatment"] = "reduce",
            });
        }

        return new JsonObject { ["id"] = id, ["systemId"] = "sys-7", ["state"] = "inProgress", ["step"] = "score", ["events"] = events }.ToJsonString();
    }

    public static Dictionary<string, string> AssessmentIndex() =>
        new() { ["systemId"] = "sys-7", ["roundId"] = "r-2026", ["state"] = "inProgress", ["ownerObjectId"] = "oid-anne" };

    public static AuditIntent Intent(string entryId, string subjectId) =>
        new(entryId, At, Owner, AuditChannel.Bot, "conv-1/" + entryId, AuditAction.RiskScored, new AuditSubject("assessment", subjectId, "1"))
        {
            Inputs = new JsonObject { ["likelihood"] = 3, ["rationale"] = "Leverandøren har haft nedbrud" },
            Computed = new JsonObject { ["points"] = 12, ["band"] = "high", ["withinAppetite"] = false },
        };

    public static OutboxMessage Message(string id, string key) =>
        new(id, OutboxKinds.TeamsSend, key, """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive"}]}""", At);

    /// <summary>One card action: the assessment (≈4 KB) updated, one audit intent, one outbox row.</summary>
    public static StoreChange Card(long n, long expectedVersion) =>
        new(
            Key("card", n),
            [new DocumentWrite(DocumentKinds.Assessment, "a-bench", expectedVersion, AssessmentBody, AssessmentIndex())],
            [Intent(Key("card-e", n), "a-bench")],
            [Message(Key("card-o", n), "conv-1")],
            """{"card":"next"}""");

    /// <summary>A submission of 30 risk lines: assessment, snapshot, 30 measures, 31 intents, 2 outbox rows.</summary>
    public static StoreChange Submission(long n)
    {
        var assessmentId = Key("sub-a", n);
        var writes = new List<DocumentWrite>
        {
            DocumentWrite.Create(DocumentKinds.Assessment, assessmentId, AssessmentBody, AssessmentIndex()),
            DocumentWrite.Create(DocumentKinds.Snapshot, Key("sub-s", n), AssessmentBody, new Dictionary<string, string> { ["assessmentId"] = assessmentId }),
        };
        var intents = new List<AuditIntent> { Intent(Key("sub-e", n), assessmentId) };
        for (var line = 0; line < 30; line++)
        {
            var measureId = $"{assessmentId}-m{line:D2}";
            writes.Add(DocumentWrite.Create(
                DocumentKinds.Measure,
                measureId,
                """{"title":"Aftal weekendberedskab med leverandøren","deadline":"2027-03-01","status":"planned"}""",
                new Dictionary<string, string> { ["assessmentId"] = assessmentId, ["responsibleObjectId"] = "oid-anne", ["status"] = "planned" }));
            intents.Add(Intent($"{Key("sub-e", n)}-{line:D2}", measureId));
        }

        return new(Key("sub", n), writes, intents, [Message(Key("sub-o1", n), "conv-1"), Message(Key("sub-o2", n), "committee")], null);
    }

    private static string Key(string prefix, long n) => prefix + "-" + n.ToString(CultureInfo.InvariantCulture);
}
