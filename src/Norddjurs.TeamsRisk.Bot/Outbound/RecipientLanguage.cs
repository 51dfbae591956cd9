using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// The language a proactive message is written in (design.md §9): the person's own choice, else Danish. The Teams locale
/// of their last message is not consulted here: a reference does not keep it. Channel posts are always Danish.
/// </summary>
internal static class RecipientLanguage
{
    public static async Task<Language> OfAsync(IDocumentStore store, string userObjectId, CancellationToken cancellationToken)
    {
        var preference = await store.LoadAsync<UserPreference>(DocumentKinds.UserPreference, UserPreference.IdOf(userObjectId), cancellationToken).ConfigureAwait(false);
        return preference?.Value.Language ?? Language.Danish;
    }

    public static string LocaleOf(Language language) => language == Language.English ? "en-GB" : "da-DK";
}
