using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// Reads and records a person's language (design.md §9): their choice, then Teams' locale if Danish or English, then Danish.
/// Every activity asks, so the choice is kept in a process cache (a store read per click otherwise): this instance's own
/// choice is seen at once; a choice made through another instance is seen here within <see cref="CacheLifetime"/>. A cached
/// choice older than <see cref="RefreshAfter"/> is still answered, and read again behind the answer: a person who keeps
/// clicking never waits for the read (on SharePoint a round trip on the card action's path).
/// </summary>
public sealed class UserPreferences(IDocumentStore store, TimeProvider? time = null)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan RefreshAfter = CacheLifetime / 2;

    private readonly ConcurrentDictionary<string, Task> _refreshing = new(StringComparer.OrdinalIgnoreCase);

    private const int CacheLimit = 10_000;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (Language? Chosen, DateTimeOffset ReadAt)> _chosen = new(StringComparer.OrdinalIgnoreCase);

    public static string DocumentId(string objectId) => UserPreference.IdOf(objectId);

    /// <summary>The language to answer <paramref name="objectId"/> in; <paramref name="locale"/> is Teams' (e.g. "en-US").</summary>
    public async Task<Language> LanguageAsync(string? objectId, string? locale, CancellationToken cancellationToken)
    {
        var chosen = objectId is null ? null : await ChosenAsync(objectId, cancellationToken).ConfigureAwait(false);
        return chosen ?? FromLocale(locale) ?? Language.Danish;
    }

    private async Task<Language?> ChosenAsync(string objectId, CancellationToken cancellationToken)
    {
        if (_chosen.TryGetValue(objectId, out var cached) && _time.GetUtcNow() - cached.ReadAt is var age && age < CacheLifetime)
        {
            if (age > RefreshAfter)
            {
                RefreshBehind(objectId);
            }

            return cached.Chosen;
        }

        return await ReadAsync(objectId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Language?> ReadAsync(string objectId, CancellationToken cancellationToken)
    {
        var readAt = _time.GetUtcNow();
        var stored = await store.LoadAsync<UserPreference>(DocumentKinds.UserPreference, DocumentId(objectId), cancellationToken).ConfigureAwait(false);

        // A choice this instance recorded while the read was under way is newer than what the read found.
        if (!_chosen.TryGetValue(objectId, out var seen) || seen.ReadAt <= readAt)
        {
            Remember(objectId, stored?.Value.Language, readAt);
        }

        return stored?.Value.Language;
    }

    /// <summary>One read at a time per person; a failed one is dropped (the copy ages out and the next click reads).</summary>
    private void RefreshBehind(string objectId)
    {
        if (_refreshing.ContainsKey(objectId))
        {
            return;
        }

        var refresh = new Task<Task>(async () =>
        {
            try
            {
                await ReadAsync(objectId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Dropped: see the summary.
            }
            finally
            {
                _refreshing.TryRemove(objectId, out _);
            }
        });
        if (_refreshing.TryAdd(objectId, refresh.Unwrap()))
        {
            refresh.Start(TaskScheduler.Default);
        }
    }

    /// <summary>Completes when the reads started behind answers so far have ended (tests).</summary>
    public Task RefreshesSettled() => Task.WhenAll(_refreshing.Values);

    private void Remember(string objectId, Language? chosen, DateTimeOffset? readAt = null)
    {
        if (_chosen.Count > CacheLimit)
        {
            _chosen.Clear();
        }

        _chosen[objectId] = (chosen, readAt ?? _time.GetUtcNow());
    }

    public static Language? FromLocale(string? locale) =>
        locale is null ? null
        : locale.StartsWith("da", StringComparison.OrdinalIgnoreCase) ? Language.Danish
        : locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English
        : null;

    /// <summary>Records the choice under the request's idempotency key, so a re-delivered command applies once.</summary>
    public async Task<bool> ChooseAsync(string objectId, Language language, string idempotencyKey, CancellationToken cancellationToken)
    {
        var id = DocumentId(objectId);
        var existing = await store.GetAsync(DocumentKinds.UserPreference, id, cancellationToken).ConfigureAwait(false);
        var json = StoreJson.Serialize(new UserPreference(language));
        var write = existing is null
            ? DocumentWrite.Create(DocumentKinds.UserPreference, id, json)
            : DocumentWrite.Update(existing, json);
        var result = await store.CommitAsync(new StoreChange(idempotencyKey, [write], [], [], null), cancellationToken).ConfigureAwait(false);
        if (result is CommitResult.Conflict)
        {
            _chosen.TryRemove(objectId, out _);
            return false;
        }

        // A replay may be of an older choice than the stored one: read it next time rather than assume.
        if (result is CommitResult.Committed)
        {
            Remember(objectId, language);
        }
        else
        {
            _chosen.TryRemove(objectId, out _);
        }

        return true;
    }
}
