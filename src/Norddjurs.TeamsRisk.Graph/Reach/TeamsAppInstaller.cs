using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>
/// Installs the app for a person (graph-sharepoint.md §8.5, teams-bot-protocol.md §5.3; permission
/// <c>TeamsAppInstallation.ReadWriteSelfForUser.All</c>): POST the catalogue app, 409 meaning it is there already, then
/// read the installation and its 1:1 chat id. Teams answers the install with an <c>installationUpdate</c> to the bot.
/// </summary>
public sealed class TeamsAppInstaller(GraphServiceClient graph, TeamsAppInstallOptions options) : ITeamsAppInstaller
{
    private const string CatalogueBind = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/";

    public async Task<AppInstallResult> InstallForAsync(string userObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userObjectId);
        if (string.IsNullOrWhiteSpace(options.AppCatalogId))
        {
            return new AppInstallResult.Impossible("Teams:AppCatalogId is not set, so the app cannot be installed for the person");
        }

        var appId = options.AppCatalogId.Trim();
        try
        {
            await graph.Users[userObjectId].Teamwork.InstalledApps.PostAsync(
                new UserScopeTeamsAppInstallation { AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = CatalogueBind + appId } },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 409)
        {
            // Already installed for the person (§8.5): the chat exists; carry on to find it.
        }
        catch (Exception e) when (GraphFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            return new AppInstallResult.RetryLater(GraphFailures.RetryAfter(e), $"installing the app: {GraphFailures.Describe(e)}");
        }
        catch (ApiException e)
        {
            return new AppInstallResult.Impossible(WhyImpossible(e, appId));
        }

        return new AppInstallResult.Installed(await ChatIdAsync(userObjectId, appId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The chat id is for the record only: the bot sends on the reference from Teams' event, so a failed read is no failure.</summary>
    private async Task<string?> ChatIdAsync(string userObjectId, string appId, CancellationToken cancellationToken)
    {
        try
        {
            var installed = await graph.Users[userObjectId].Teamwork.InstalledApps.GetAsync(
                r => r.QueryParameters.Filter = $"teamsApp/id eq '{appId.Replace("'", "''", StringComparison.Ordinal)}'",
                cancellationToken).ConfigureAwait(false);
            if (installed?.Value is not [{ Id: { } installationId }, ..])
            {
                return null;
            }

            var chat = await graph.Users[userObjectId].Teamwork.InstalledApps[installationId].Chat.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return chat?.Id;
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static string WhyImpossible(ApiException e, string appId) => e.ResponseStatusCode switch
    {
        403 => $"{GraphFailures.Describe(e)}: the app may not install itself (TeamsAppInstallation.ReadWriteSelfForUser.All, admin consent) or Teams is blocked for the person",
        404 => $"{GraphFailures.Describe(e)}: the app {appId} is not in the tenant's catalogue, or the person has no Teams",
        _ => $"{GraphFailures.Describe(e)}: the app could not be installed for the person (no Teams licence?)",
    };
}
