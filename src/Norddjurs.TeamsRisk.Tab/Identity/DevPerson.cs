namespace Norddjurs.TeamsRisk.Tab.Identity;

/// <summary>A seeded person on the Development sign-in page, with the global roles the resolver gives them.</summary>
public sealed record DevPerson(string ObjectId, string DisplayName, string Upn, IReadOnlyList<string> Roles);
