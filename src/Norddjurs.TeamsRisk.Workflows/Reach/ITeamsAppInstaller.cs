namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>
/// Installs the app for a person through Graph (graph-sharepoint.md §8.5), so Teams opens the bot's 1:1 chat with them
/// and sends the bot an <c>installationUpdate</c> whose reference lets pending messages go. Already installed is success.
/// </summary>
public interface ITeamsAppInstaller
{
    Task<AppInstallResult> InstallForAsync(string userObjectId, CancellationToken cancellationToken);
}

/// <summary>What an installation attempt answered; each case is expected, so a value.</summary>
public abstract record AppInstallResult
{
    private AppInstallResult()
    {
    }

    /// <summary>Installed now or before; <paramref name="ChatId"/> is Graph's id of the 1:1 chat when it could be read.</summary>
    public sealed record Installed(string? ChatId) : AppInstallResult;

    /// <summary>Cannot succeed by retrying: not configured, not in the catalogue, forbidden, no Teams licence.</summary>
    public sealed record Impossible(string Reason) : AppInstallResult;

    /// <summary>Throttled or unavailable: try again later.</summary>
    public sealed record RetryLater(TimeSpan? RetryAfter, string Reason) : AppInstallResult;
}
