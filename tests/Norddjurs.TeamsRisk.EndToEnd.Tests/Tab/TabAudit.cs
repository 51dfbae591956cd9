using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The audit trail as the auditor exports it (JSON Lines). Entries are sealed into the chain by a background sealer,
/// so a reader waits (bounded) until the entry it expects is there.
/// </summary>
internal static class TabAudit
{
    public static async Task<IReadOnlyList<JsonObject>> WaitForAsync(DevApi api, Func<JsonObject, bool> expected)
    {
        IReadOnlyList<JsonObject> entries = [];
        for (var i = 0; i < 80 && !entries.Any(expected); i++)
        {
            await Task.Delay(250);
            var export = await api.GetTextAsync("api/audit/export", DevApi.JensKirk, CancellationToken.None);
            entries = [.. export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
        }

        return entries;
    }
}
