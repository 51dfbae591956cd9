using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// A person's own settings, stored as a document of kind <c>userPreference</c> under the lower-case object id.
/// <see cref="Language"/> is their explicit choice (design.md §9); null means "follow Teams' locale".
/// </summary>
public sealed record UserPreference(Language? Language);
