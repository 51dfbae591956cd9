using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// The tab circuit's sign-in, checked every minute: once the cookie the circuit started with has lapsed, the circuit's
/// user becomes anonymous and the pages show "not signed in" (a reload signs in again through Teams SSO). Roles are not
/// cached here: every use case resolves them from the directory when it runs.
/// </summary>
internal sealed class TabCircuitAuthentication(ILoggerFactory loggerFactory, TimeProvider time) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return Task.FromResult(TabSessionExpiry.IsCurrent(authenticationState.User, time.GetUtcNow()));
    }
}
