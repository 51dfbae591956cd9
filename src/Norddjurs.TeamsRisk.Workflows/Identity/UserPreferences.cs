using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>Reads and records a person's language (design.md §9): their choice, then Teams' locale if Danish or English, then Danish.</summary>
public sealed class UserPreferences(IDocumentStore store)
{
    public static string DocumentId(string objectId) => objectId.ToLowerInvariant();

    /// <summary>The language to answer <paramref name="objectId"/> in; <paramref name="locale"/> is Teams' (e.g. "en-US").</summary>
    public async Task<Language> LanguageAsync(string? objectId, string? locale, CancellationToken cancellationToken)
    {
        if (objectId is not null
            && await store.LoadAsync<UserPreference>(DocumentKinds.UserPreference, DocumentId(objectId), cancellationToken).ConfigureAwait(false) is { Value.Language: { } chosen })
        {
            return chosen;
        }

        return FromLocale(locale) ?? Language.Danish;
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
        return result is not CommitResult.Conflict;
    }
}
