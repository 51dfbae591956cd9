using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// The last confirmed state this instance saw of each document (item id, eTag, fields), and when. A commit whose expected
/// versions match it writes at once with the cached eTag as If-Match and skips the read (design.md §2: the cache is
/// validated by the write's If-Match); a 412 sends it down the full path. A card action may also read from it
/// (<see cref="FindRecent"/>), only to act through such a commit. Only a shortcut: correctness never depends on it.
/// </summary>
internal sealed class DocumentCache(TimeProvider time)
{
    private const int Limit = 10_000;
    private readonly ConcurrentDictionary<(string Kind, string Id), (ItemRecord Item, DateTimeOffset SeenAt)> _items = new();

    public ItemRecord? Find(string kind, string id) => _items.TryGetValue((kind, id), out var entry) ? entry.Item : null;

    /// <summary>The cached item if this instance saw it within <paramref name="maxAge"/>: the bound on how stale a read may be.</summary>
    public ItemRecord? FindRecent(string kind, string id, TimeSpan maxAge) =>
        _items.TryGetValue((kind, id), out var entry) && time.GetUtcNow() - entry.SeenAt <= maxAge ? entry.Item : null;

    /// <summary>How long ago this instance saw the cached item, or null when none is cached.</summary>
    public TimeSpan? Age(string kind, string id) => _items.TryGetValue((kind, id), out var entry) ? time.GetUtcNow() - entry.SeenAt : null;

    /// <summary>Keeps a confirmed item; forgets anything pending (its eTag is about to move).</summary>
    public void Remember(string kind, ItemRecord item) => Remember(kind, item, time.GetUtcNow());

    /// <summary>
    /// As <see cref="Remember(string, ItemRecord)"/> for an item read at <paramref name="readAt"/> in the background: it never
    /// replaces a copy seen later (a commit may have cached a newer version while the read was under way).
    /// </summary>
    public void RememberRead(string kind, ItemRecord item, DateTimeOffset readAt)
    {
        if (item.Text(ColumnNames.DocId) is { } id && _items.TryGetValue((kind, id), out var entry) && entry.SeenAt > readAt)
        {
            return;
        }

        Remember(kind, item, readAt);
    }

    private void Remember(string kind, ItemRecord item, DateTimeOffset seenAt)
    {
        if (item.Text(ColumnNames.DocId) is not { } id)
        {
            return;
        }

        if (item.Pending)
        {
            _items.TryRemove((kind, id), out _);
            return;
        }

        if (_items.Count > Limit)
        {
            _items.Clear();
        }

        _items[(kind, id)] = (item, seenAt);
    }

    public void Forget(string kind, string id) => _items.TryRemove((kind, id), out _);

    /// <summary>Forgets a document a background read at <paramref name="readAt"/> found gone, unless a later copy was seen since.</summary>
    public void ForgetRead(string kind, string id, DateTimeOffset readAt)
    {
        if (_items.TryGetValue((kind, id), out var entry) && entry.SeenAt <= readAt)
        {
            _items.TryRemove(new KeyValuePair<(string, string), (ItemRecord, DateTimeOffset)>((kind, id), entry));
        }
    }
}
