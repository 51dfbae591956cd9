namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>A person in the directory. The object id decides; UPN and display name are for reading (design.md §4).</summary>
/// <param name="PreferredLanguage">Entra's <c>preferredLanguage</c> (e.g. <c>da-DK</c>), when set.</param>
public sealed record DirectoryUser(string TenantId, string ObjectId, string Upn, string DisplayName, string? PreferredLanguage = null);
