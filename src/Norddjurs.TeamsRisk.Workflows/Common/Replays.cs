using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// design.md §2.2: a request whose key was already applied answers with the first result, before any guard runs,
/// so a retry after the state moved on is not refused as if it were new.
/// </summary>
public static class Replays
{
    public static async Task<Outcome<T>?> FindAsync<T>(IDocumentStore store, string idempotencyKey, CancellationToken cancellationToken) =>
        await store.FindAppliedChangeAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is { } applied
            ? new Outcome<T>.Done(StoreJson.Deserialize<T>(applied.ResultJson ?? "null"), Replayed: true)
            : null;
}
