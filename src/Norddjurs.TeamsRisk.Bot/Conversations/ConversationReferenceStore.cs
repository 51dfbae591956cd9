using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Conversations;

/// <summary>
/// The conversation references proactive sending needs (teams-bot-protocol.md §5): saved from every authenticated
/// activity by the inbound handler, found by the Teams sender, marked blocked or uninstalled when Teams says so (§3.6).
/// What this instance last saw stored is kept (<see cref="SeenReferences"/>), so a routine activity costs no read.
/// </summary>
public sealed class ConversationReferenceStore(IDocumentStore store, TimeProvider? time = null)
{
    private readonly SeenReferences _seen = new(time ?? TimeProvider.System);

    /// <summary>A reference that only says "still here" is written at most once a day: every message would otherwise cost a write.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromDays(1);

    private const int Attempts = 3;

    /// <summary>
    /// Creates or refreshes the conversation's reference; false when nothing but the time changed, recently, when a newer
    /// activity's reference is already stored, or when other activities of the conversation kept writing it first.
    /// </summary>
    public async Task<bool> SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = ConversationReferenceDocuments.IdOf(reference.ConversationId);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var stored = await store.LoadAsync<ConversationReference>(DocumentKinds.ConversationReference, id, cancellationToken).ConfigureAwait(false);
            if (stored is not null && (IsOlder(reference, stored.Value) || IsFreshAndUnchanged(stored.Value, reference)))
            {
                _seen.Remember(stored.Value);
                return false;
            }

            var write = stored is null
                ? DocumentWrite.Create(DocumentKinds.ConversationReference, id, StoreJson.Serialize(reference), ConversationReferenceDocuments.IndexOf(reference))
                : stored.Update(reference, ConversationReferenceDocuments.IndexOf(reference));
            if (await TryWriteAsync(write, cancellationToken).ConfigureAwait(false))
            {
                _seen.Remember(reference);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// As <see cref="SaveAsync"/>, but with no read when what this instance last saw stored (within
    /// <see cref="SeenReferences.Lifetime"/>) already answers "nothing to write". For routine activities (clicks, messages):
    /// install and removal events go through <see cref="SaveAsync"/>, since another instance may have marked the reference.
    /// </summary>
    public Task<bool> SaveIfChangedAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _seen.Find(reference.ConversationId) is { } seen && (IsOlder(reference, seen) || IsFreshAndUnchanged(seen, reference))
            ? Task.FromResult(false)
            : SaveAsync(reference, cancellationToken);
    }

    /// <summary>The user's active 1:1 chat with the bot, the most recently used one if Teams gave us several.</summary>
    public async Task<ConversationReference?> FindPersonalAsync(string userObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userObjectId);
        var filters = new Dictionary<string, string>
        {
            [ConversationReferenceDocuments.UserObjectId] = userObjectId.ToLowerInvariant(),
            [ConversationReferenceDocuments.ConversationType] = ConversationTypes.Personal,
        };
        return Newest(await store.LoadAllAsync<ConversationReference>(DocumentKinds.ConversationReference, filters, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The active reference of a team channel (<c>19:…@thread.tacv2</c>), e.g. the committee's.</summary>
    public async Task<ConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        return Newest(await store.LoadAllAsync<ConversationReference>(
            DocumentKinds.ConversationReference, ConversationReferenceDocuments.ChannelId, channelId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Teams answered that the user blocked the bot or the conversation is gone: stop sending until they come back.</summary>
    public async Task MarkAsync(string conversationId, ConversationReferenceStatus status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var id = ConversationReferenceDocuments.IdOf(conversationId);
        _seen.Forget(conversationId);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var stored = await store.LoadAsync<ConversationReference>(DocumentKinds.ConversationReference, id, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.Value.Status == status
                || await TryWriteAsync(stored.Update(stored.Value with { Status = status }), cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Activities may be handled out of order; the newest one's service URL wins (teams-bot-protocol.md §3.7).</summary>
    private static bool IsOlder(ConversationReference incoming, ConversationReference stored) => incoming.LastActivityAt < stored.LastActivityAt;

    private static bool IsFreshAndUnchanged(ConversationReference stored, ConversationReference incoming) =>
        stored == incoming with { LastActivityAt = stored.LastActivityAt }
        && incoming.LastActivityAt - stored.LastActivityAt < RefreshInterval;

    private static ConversationReference? Newest(IReadOnlyList<Loaded<ConversationReference>> found) =>
        found.Select(l => l.Value).Where(r => r.Status == ConversationReferenceStatus.Active).MaxBy(r => r.LastActivityAt);

    /// <summary>False on a conflict (another instance wrote first): the caller reads again.</summary>
    private async Task<bool> TryWriteAsync(DocumentWrite write, CancellationToken cancellationToken)
    {
        // Not a use case: no audit, no outbox, nothing to replay; each attempt gets a fresh idempotency key.
        var key = $"{write.Kind}/{write.Id}/{write.ExpectedVersion ?? 0}/{Guid.NewGuid():N}";
        var result = await store.CommitAsync(new StoreChange(key, [write], [], [], null), cancellationToken).ConfigureAwait(false);
        return result is not CommitResult.Conflict;
    }
}
