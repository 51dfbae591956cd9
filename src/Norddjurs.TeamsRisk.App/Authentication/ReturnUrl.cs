using Norddjurs.TeamsRisk.App.Hosting;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>Where to go after signing in: a path of the tab on this site, never another site (no open redirect).</summary>
internal static class ReturnUrl
{
    public static string Of(string? requested) =>
        requested is { Length: > 0 and <= 2000 }
        && requested.StartsWith("/tab/", StringComparison.Ordinal)
        && !requested.StartsWith("//", StringComparison.Ordinal)
        && !requested.Contains('\\', StringComparison.Ordinal)
        && Uri.TryCreate(requested, UriKind.Relative, out _)
            ? requested
            : TabRoutes.Personal;
}
