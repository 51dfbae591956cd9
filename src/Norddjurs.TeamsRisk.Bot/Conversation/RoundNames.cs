using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// Round names for the owner's list ("start"), kept for the process: a round is only ever created, never
/// changed, so a name once read stays right and every later "start" saves that round trip (design.md §2, latency budget).
/// A cache only (design.md §1): another instance reads the name for itself.
/// </summary>
internal sealed class RoundNames(IDocumentStore store)
{
    private const int Kept = 1_000;
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The round's name, or null when there is no such round (not kept: it may yet be created).</summary>
    public async Task<string?> FindAsync(string roundId, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(roundId, out var known))
        {
            return known;
        }

        var name = (await store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false))?.Value.Name;
        if (name is not null)
        {
            if (_names.Count >= Kept)
            {
                _names.Clear();
            }

            _names[roundId] = name;
        }

        return name;
    }
}
