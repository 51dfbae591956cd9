using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Common;

/// <summary>
/// What every data view shares: the signed-in actor (from the authentication state, never from a parameter) and the
/// reader's language (design.md §9: their own choice, else Danish). A view without an actor shows nothing but a notice.
/// </summary>
public abstract class TabComponent : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>Overrides the reader's stored choice, for a host that already knows it.</summary>
    [Parameter]
    public Language? Language { get; set; }

    protected Actor? Actor { get; private set; }

    protected Language Lang { get; private set; } = Core.Language.Danish;

    protected string T(string key, params (string Name, object? Value)[] args) => TabTexts.Get(key, Lang, args);

    protected string Date(DateOnly? date) => TabFormat.Date(date, Lang);

    protected string Number(int value) => TabFormat.Number(value, Lang);

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null && AuthenticationState is not null)
        {
            var state = await AuthenticationState.ConfigureAwait(true);
            Actor = Shell.TabClaims.ActorOf(state.User);
        }

        Lang = Language ?? await StoredLanguageAsync().ConfigureAwait(true);
        if (Actor is not null)
        {
            await LoadAsync(CancellationToken.None).ConfigureAwait(true);
        }
    }

    /// <summary>Reads what the view shows; runs whenever its parameters (the query string) change.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    private async Task<Language> StoredLanguageAsync() =>
        Actor is not null && Services.GetService<UserPreferences>() is { } preferences
            ? await preferences.LanguageAsync(Actor.ObjectId, null, CancellationToken.None).ConfigureAwait(true)
            : Core.Language.Danish;
}
