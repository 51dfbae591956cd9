namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// A person's own settings (design.md §9), stored as a document of kind <c>userPreference</c> whose id is their
/// lower-case object id. <see cref="Language"/>: <c>"Danish"</c> or <c>"English"</c>; null means not chosen (Danish).
/// </summary>
public sealed record UserPreference(string? Language)
{
    public static string IdOf(string objectId) => objectId.Trim().ToLowerInvariant();
}
