using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.Bot.Conversations;

/// <summary>
/// The reference this instance last saw stored per conversation, bounded in size and age: the store stays the record
/// (design.md §1), this only spares a read when an activity brings nothing new. After <see cref="Lifetime"/> the store is
/// read again, so a change made through another instance (a reference marked blocked) is taken into account by then.
/// </summary>
internal sealed class SeenReferences(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const int Limit = 10_000;
    private readonly ConcurrentDictionary<string, (ConversationReference Reference, DateTimeOffset SeenAt)> _seen = new(StringComparer.Ordinal);

    public ConversationReference? Find(string conversationId) =>
        _seen.TryGetValue(conversationId, out var entry) && time.GetUtcNow() - entry.SeenAt < Lifetime ? entry.Reference : null;

    public void Remember(ConversationReference reference)
    {
        if (_seen.Count > Limit)
        {
            _seen.Clear();
        }

        _seen[reference.ConversationId] = (reference, time.GetUtcNow());
    }

    public void Forget(string conversationId) => _seen.TryRemove(conversationId, out _);
}
