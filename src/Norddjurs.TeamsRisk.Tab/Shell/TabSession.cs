using Norddjurs.TeamsRisk.Tab.Common;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Shell;

/// <summary>
/// Who uses the tab in this circuit, their global roles (design.md §4, resolved on the server) and their language
/// (§9). Cascaded by <see cref="TabLayout"/>; pages never trust anything else about the user.
/// </summary>
public sealed record TabSession(Actor Actor, string DisplayName, IReadOnlySet<Role> Roles, Language Language)
{
    /// <summary>Committee, coordinator and auditor read what waits for the committee (design.md §4).</summary>
    public bool SeesCommittee => Roles.Overlaps([Role.Committee, Role.Coordinator, Role.Auditor]);

    /// <summary>The register and its heatmap: the committee's readers and the directorate, who read every system.</summary>
    public bool SeesRegister => SeesCommittee || Roles.Contains(Role.Directorate);

    /// <summary>Only the coordinator administers: import, rounds, notifications (design.md §4).</summary>
    public bool SeesCoordinator => Roles.Contains(Role.Coordinator);

    public string T(string key, params (string Name, object? Value)[] args) => TabTexts.Get(key, Language, args);

    public string Date(DateOnly date) => TabFormat.Date(date, Language);
}
