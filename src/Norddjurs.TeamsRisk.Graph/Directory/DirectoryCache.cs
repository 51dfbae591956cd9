using System.Collections.Concurrent;

namespace Norddjurs.TeamsRisk.Graph.Directory;

/// <summary>
/// A short, bounded memory of directory answers (including "no such user"), so one card action or page does not ask
/// Graph the same question twice. Short because roles must follow group changes soon; bounded because the process
/// may meet every employee.
/// </summary>
internal sealed class DirectoryCache(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return (T)cached.Value!;
        }

        var value = await load().ConfigureAwait(false);
        if (_entries.Count >= capacity)
        {
            Trim(now);
        }

        _entries[key] = new Entry(value, now + lifetime);
        return value;
    }

    /// <summary>Drops what has expired, and everything when that is not enough: simple, and never larger than the bound.</summary>
    private void Trim(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(object? Value, DateTimeOffset Expires);
}
