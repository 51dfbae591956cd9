namespace Norddjurs.TeamsRisk.Core;

/// <summary>The roles of design.md §4, resolved on the server for every action. Ids match the method's <c>roles</c> keys.</summary>
public enum Role
{
    SystemOwner,
    AreaManager,
    Directorate,
    Committee,
    Coordinator,
    Auditor,

    /// <summary>The app itself: the scheduler and automatic transitions.</summary>
    System,
}

public static class RoleIds
{
    private static readonly Dictionary<string, Role> ById = new(StringComparer.Ordinal)
    {
        ["systemOwner"] = Role.SystemOwner,
        ["areaManager"] = Role.AreaManager,
        ["directorate"] = Role.Directorate,
        ["committee"] = Role.Committee,
        ["coordinator"] = Role.Coordinator,
        ["auditor"] = Role.Auditor,
        ["system"] = Role.System,
    };

    public static IReadOnlyCollection<string> All => ById.Keys;

    public static bool TryParse(string id, out Role role) => ById.TryGetValue(id, out role);

    public static string Id(this Role role) => ById.First(p => p.Value == role).Key;
}
