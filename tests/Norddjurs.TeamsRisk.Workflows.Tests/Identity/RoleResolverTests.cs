using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Identity;

public sealed class RoleResolverTests
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";
    private const string CommitteeGroup = "c0000000-0000-0000-0000-000000000001";
    private const string CoordinatorGroup = "c0000000-0000-0000-0000-000000000002";
    private const string AuditorGroup = "c0000000-0000-0000-0000-000000000003";
    private const string DirectorateGroup = "c0000000-0000-0000-0000-000000000004";

    private const string Owner = "a0000000-0000-0000-0000-000000000001";
    private const string Deputy = "a0000000-0000-0000-0000-000000000002";
    private const string OwnersManager = "a0000000-0000-0000-0000-000000000003";
    private const string NamedAreaManager = "a0000000-0000-0000-0000-000000000004";
    private const string Bystander = "a0000000-0000-0000-0000-000000000005";
    private const string CommitteeMember = "a0000000-0000-0000-0000-000000000006";

    private readonly InMemoryDirectory _directory = new(Tenant);
    private readonly RoleResolver _resolver;

    public RoleResolverTests()
    {
        _directory.Add(OwnersManager, "mette@norddjurs.example", "Mette Områdechef", groupIds: [DirectorateGroup]);
        _directory.Add(Owner, "anne@norddjurs.example", "Anne Systemejer", managerObjectId: OwnersManager);
        _directory.Add(Deputy, "bo@norddjurs.example", "Bo Stedfortræder", managerObjectId: OwnersManager);
        _directory.Add(NamedAreaManager, "lars@norddjurs.example", "Lars Chef");
        _directory.Add(Bystander, "ida@norddjurs.example", "Ida Kollega", managerObjectId: OwnersManager);
        _directory.Add(CommitteeMember, "karen@norddjurs.example", "Karen Udvalg", groupIds: [CommitteeGroup, AuditorGroup]);
        _resolver = new RoleResolver(_directory, new RoleGroups(CommitteeGroup, CoordinatorGroup, AuditorGroup, DirectorateGroup));
    }

    [Fact]
    public async Task Group_membership_grants_the_global_roles()
    {
        var roles = await _resolver.GlobalRolesAsync(Actor.Of(Tenant, CommitteeMember), CancellationToken.None);

        Assert.Equal([Role.Committee, Role.Auditor], roles.Order());
    }

    [Theory]
    [InlineData("Committee", Role.Committee)]
    [InlineData("Coordinator", Role.Coordinator)]
    [InlineData("Auditor", Role.Auditor)]
    [InlineData("Directorate", Role.Directorate)]
    public async Task An_app_role_in_the_token_grants_its_global_role(string appRole, Role role)
    {
        var roles = await _resolver.GlobalRolesAsync(Actor.Of(Tenant, Bystander, null, appRole), CancellationToken.None);

        Assert.Equal([role], roles);
    }

    [Fact]
    public async Task Unknown_app_roles_and_other_tenants_grant_nothing()
    {
        Assert.Empty(await _resolver.GlobalRolesAsync(Actor.Of(Tenant, Bystander, null, "committee", "Admin"), CancellationToken.None));
        Assert.Empty(await _resolver.GlobalRolesAsync(Actor.Of("22222222-2222-2222-2222-222222222222", CommitteeMember, null, "Committee"), CancellationToken.None));
    }

    [Fact]
    public async Task Unconfigured_groups_grant_nothing()
    {
        var resolver = new RoleResolver(_directory, RoleGroups.None);

        Assert.Empty(await resolver.GlobalRolesAsync(Actor.Of(Tenant, CommitteeMember), CancellationToken.None));
    }

    [Theory]
    [InlineData(Owner)]
    [InlineData(Deputy)]
    public async Task The_owner_and_the_deputy_are_system_owners(string objectId)
    {
        var roles = await _resolver.RolesForSystemAsync(Actor.Of(Tenant, objectId), System(), CancellationToken.None);

        Assert.Equal([Role.SystemOwner], roles);
    }

    [Fact]
    public async Task A_register_that_names_people_by_UPN_is_matched_on_their_object_id()
    {
        var system = System(PersonRef.FromUpn("ANNE@norddjurs.example"));

        Assert.Contains(Role.SystemOwner, await _resolver.RolesForSystemAsync(Actor.Of(Tenant, Owner.ToUpperInvariant()), system, CancellationToken.None));
        Assert.DoesNotContain(Role.SystemOwner, await _resolver.RolesForSystemAsync(Actor.Of(Tenant, Bystander), system, CancellationToken.None));
    }

    [Fact]
    public async Task Without_an_area_manager_in_the_register_the_owners_manager_is_the_area_manager()
    {
        var roles = await _resolver.RolesForSystemAsync(Actor.Of(Tenant, OwnersManager), System(), CancellationToken.None);

        Assert.Equal([Role.AreaManager, Role.Directorate], roles.Order());
    }

    [Fact]
    public async Task A_named_area_manager_replaces_the_owners_manager()
    {
        var system = System(areaManager: PersonRef.FromObjectId(Guid.Parse(NamedAreaManager)));

        Assert.Equal([Role.AreaManager], await _resolver.RolesForSystemAsync(Actor.Of(Tenant, NamedAreaManager), system, CancellationToken.None));
        Assert.DoesNotContain(Role.AreaManager, await _resolver.RolesForSystemAsync(Actor.Of(Tenant, OwnersManager), system, CancellationToken.None));
    }

    [Fact]
    public async Task A_colleague_under_the_same_manager_holds_no_role_for_the_system()
    {
        Assert.Empty(await _resolver.RolesForSystemAsync(Actor.Of(Tenant, Bystander), System(), CancellationToken.None));
    }

    [Fact]
    public async Task The_owner_of_another_tenant_with_the_same_object_id_is_not_the_owner()
    {
        var roles = await _resolver.RolesForSystemAsync(Actor.Of("22222222-2222-2222-2222-222222222222", Owner), System(), CancellationToken.None);

        Assert.Empty(roles);
    }

    [Fact]
    public async Task An_owner_unknown_to_the_directory_has_no_area_manager()
    {
        var system = System(PersonRef.FromUpn("gone@norddjurs.example"));

        var roles = await _resolver.RolesForSystemAsync(Actor.Of(Tenant, OwnersManager), system, CancellationToken.None);

        Assert.Equal([Role.Directorate], roles);
    }

    private static CriticalSystem System(PersonRef? owner = null, PersonRef? areaManager = null) => new()
    {
        SystemId = "OMS-01",
        Name = "Omsorgssystem",
        Status = SystemStatus.Active,
        People = new SystemPeople
        {
            SystemOwner = owner ?? PersonRef.FromObjectId(Guid.Parse(Owner)),
            DeputyOwner = PersonRef.FromUpn("bo@norddjurs.example"),
            Department = "Social, Sundhed og Ældre",
            AreaManager = areaManager,
        },
        Metadata = new RegisterMetadata
        {
            Source = RecordSource.Manual,
            CreatedAt = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero),
            CreatedBy = PersonRef.FromUpn("coordinator@norddjurs.example"),
        },
    };
}
