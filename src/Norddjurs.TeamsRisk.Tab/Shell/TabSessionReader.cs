using Microsoft.AspNetCore.Components.Authorization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Shell;

/// <summary>Builds the circuit's <see cref="TabSession"/> from the signed-in principal, the role resolver and the stored language choice.</summary>
public sealed class TabSessionReader(AuthenticationStateProvider authentication, RoleResolver roles, UserPreferences preferences)
{
    public async Task<TabSession?> ReadAsync(CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        if (TabClaims.ActorOf(state.User) is not { } actor)
        {
            return null;
        }

        var global = await roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false);
        var language = await preferences.LanguageAsync(actor.ObjectId, state.User.FindFirst(TabClaims.Locale)?.Value, cancellationToken).ConfigureAwait(false);
        return new TabSession(actor, actor.Name ?? actor.ObjectId, global, language);
    }

    /// <summary>The same stored choice the bot's <c>sprog</c> command sets (design.md §9).</summary>
    public Task<bool> ChooseLanguageAsync(TabSession session, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return preferences.ChooseAsync(session.Actor.ObjectId, language, $"tab:language:{session.Actor.ObjectId}:{Guid.NewGuid():N}", cancellationToken);
    }
}
