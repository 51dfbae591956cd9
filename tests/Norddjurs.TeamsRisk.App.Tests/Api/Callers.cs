using Norddjurs.TeamsRisk.App.Tests.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>A person calling the API: their object id and the app roles their token carries.</summary>
public sealed record Caller(string Name, string ObjectId, params string[] AppRoles)
{
    public override string ToString() => Name;
}

/// <summary>
/// One person per role of design.md §4. Committee, auditor and directorate come from the seeded directory's groups;
/// the coordinator from the token's app role, so nobody holds two roles. The other owner, the area manager and the
/// person without a role are not in the directory: the register names them by object id.
/// </summary>
public static class Callers
{
    public static Caller Owner { get; } = new("owner", Seeded.AlexWilber);

    public static Caller OtherOwner { get; } = new("other owner", "0e0e0e0e-0000-4000-8000-000000000026");

    public static Caller Committee { get; } = new("committee", Seeded.KarenHolm);

    public static Caller Coordinator { get; } = new("coordinator", "0e0e0e0e-0000-4000-8000-0000000000c2", "Coordinator");

    public static Caller Auditor { get; } = new("auditor", Seeded.JensKirk);

    public static Caller Directorate { get; } = new("directorate", Seeded.SoerenBach);

    public static Caller NoRole { get; } = new("no role", "0e0e0e0e-0000-4000-8000-000000000099");

    /// <summary>OMS-01's area manager in the continuity-plan template.</summary>
    public static Caller AreaManager { get; } = new("area manager", "3f2b8c1e-5d4a-4e7b-9c21-7a1d2e3f4b5c");

    public static IReadOnlyDictionary<string, Caller> ByName { get; } =
        new[] { Owner, OtherOwner, Committee, Coordinator, Auditor, Directorate, NoRole, AreaManager }.ToDictionary(c => c.Name);
}
