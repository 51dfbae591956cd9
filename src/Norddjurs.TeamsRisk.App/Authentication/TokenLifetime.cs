namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>
/// A token's lifetime against the app's <see cref="TimeProvider"/> (design.md §7: never the system clock directly);
/// IdentityModel's own check reads the system clock. A token without an expiry is never valid.
/// </summary>
internal static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan clockSkew) =>
        expires is { } end
        && now - clockSkew < new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc))
        && (notBefore is not { } start || now + clockSkew >= new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)));
}
