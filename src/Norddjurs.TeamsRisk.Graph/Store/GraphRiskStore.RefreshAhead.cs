using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>
/// Keeps the copies card actions read fresh without making a click wait. A copy a card action only reads (the
/// assessment's system) is good for <see cref="CachedReadMaxAge"/>; past that the click reads it again, a third round trip.
/// Once a served copy is older than <see cref="RefreshAheadAge"/> it is read again in the background, so a person who keeps
/// clicking never meets the bound. The bound itself is unchanged: a copy no one refreshed still ages out.
/// </summary>
public sealed partial class GraphRiskStore
{
    /// <summary>How old a served copy may be before it is read again behind the click that was served it.</summary>
    public static readonly TimeSpan RefreshAheadAge = CachedReadMaxAge / 2;

    private readonly ConcurrentDictionary<(string Kind, string Id), bool> _refreshing = new();
    private readonly BackgroundWork _background = new();

    private void RefreshAhead(IReadOnlyList<DocumentKey> served)
    {
        var due = served.Distinct()
            .Where(k => _cache.Age(k.Kind, k.Id) > RefreshAheadAge && _refreshing.TryAdd((k.Kind, k.Id), true))
            .ToList();
        if (due.Count > 0)
        {
            _background.Run(() => RefreshAsync(due));
        }
    }

    private async Task RefreshAsync(List<DocumentKey> keys)
    {
        try
        {
            var readAt = _time.GetUtcNow();
            var answers = await _graph.BatchAsync(
                [.. keys.Select(DocumentRead)],
                CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < keys.Count; i++)
            {
                if (!answers[i].IsSuccess)
                {
                    continue;
                }

                if (ItemRecord.ParseMany(answers[i].Body).FirstOrDefault() is { } item)
                {
                    _cache.RememberRead(keys[i].Kind, item, readAt);
                }
                else
                {
                    _cache.ForgetRead(keys[i].Kind, keys[i].Id, readAt);
                }
            }
        }
        finally
        {
            foreach (var key in keys)
            {
                _refreshing.TryRemove((key.Kind, key.Id), out _);
            }
        }
    }
}
