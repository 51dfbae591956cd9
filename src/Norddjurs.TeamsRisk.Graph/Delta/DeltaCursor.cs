using System.Text.Json;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Graph.Delta;

/// <summary>
/// Where the delta sync of one list has got to: the nextLink or deltaLink Graph gave last (graph-sharepoint.md §4.5),
/// kept as a <see cref="DocumentKinds.SyncCursor"/> document in the store like any other state (design.md §1), so any
/// instance can carry on after a restart.
/// </summary>
internal sealed record DeltaCursor(string Link, DateTimeOffset SavedAt)
{
    /// <summary>The stored cursor, or null before the first round.</summary>
    public static async Task<Loaded<DeltaCursor>?> ReadAsync(IDocumentStore store, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await store.LoadAsync<DeltaCursor>(DocumentKinds.SyncCursor, id, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // An unreadable cursor (edited in the list by hand) is no cursor: the sync starts again from now.
            return null;
        }
    }

    /// <summary>
    /// Saves the link after the page before it was handled: at least once, never skipped. The key names the version it
    /// replaces, so a retried save applies once; a conflict means another instance moved it on, which is as good.
    /// </summary>
    public static async Task<Loaded<DeltaCursor>?> SaveAsync(
        IDocumentStore store, string id, Loaded<DeltaCursor>? current, DeltaCursor next, CancellationToken cancellationToken)
    {
        var write = current is null
            ? DocumentWrite.Create(DocumentKinds.SyncCursor, id, StoreJson.Serialize(next))
            : current.Update(next);
        var key = $"sync-cursor:{id}:{(current?.Document.Version ?? 0) + 1}";
        return await store.CommitAsync(new StoreChange(key, [write], [], [], null), cancellationToken).ConfigureAwait(false) switch
        {
            CommitResult.Committed committed => new Loaded<DeltaCursor>(next, new StoredDocument(
                DocumentKinds.SyncCursor, id, committed.VersionOf(DocumentKinds.SyncCursor, id), write.Json, new Dictionary<string, string>())),
            CommitResult.Replayed => await ReadAsync(store, id, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }
}
