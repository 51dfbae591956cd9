using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>One stored risk line as the API shows it: event, current and residual (likelihood, consequence, points, band).</summary>
internal sealed record StoredLine(string AssessmentId, string SystemName, string EventId, StoredScore Current, StoredScore Residual);

internal sealed record StoredScore(int Likelihood, int Consequence, int Points, string Band, string BandLabel);

/// <summary>
/// The risk lines the register counts, read independently of the tab's queries: every assessment through
/// <c>GET /api/assessments/{id}</c> as the auditor, kept when it is submitted or approved (in a fresh store there is one
/// round, so each system has at most one such assessment).
/// </summary>
internal static class StoredLines
{
    private static readonly HashSet<string> Scored = ["Submitted", "Approved", "Escalated", "Decided"];

    public static async Task<IReadOnlyList<StoredLine>> ReadAsync(DevApi api)
    {
        var list = await api.GetNodeAsync("api/assessments", DevApi.JensKirk, CancellationToken.None);
        var lines = new List<StoredLine>();
        foreach (var id in list.AsArray().Select(a => (string)a!["id"]!))
        {
            var stored = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.JensKirk, CancellationToken.None);
            if (!Scored.Contains((string)stored["state"]!))
            {
                continue;
            }

            lines.AddRange(stored["view"]!["lines"]!.AsArray().Select(l => new StoredLine(
                id, (string)stored["systemName"]!, (string)l!["event"]!["id"]!, Score(l["score"]!), Score(l["residual"]!))));
        }

        return lines;
    }

    private static StoredScore Score(JsonNode score) => new(
        (int)score["likelihood"]!["value"]!, (int)score["consequence"]!["value"]!, (int)score["points"]!, (string)score["band"]!["id"]!, (string)score["band"]!["label"]!);
}
