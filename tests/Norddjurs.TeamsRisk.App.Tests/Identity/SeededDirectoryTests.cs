using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Identity;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>The Development directory lets every flow be tried locally (design.md §4), as the app wires it in Development.</summary>
public sealed class SeededDirectoryTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private SeededDirectory Directory => factory.Services.GetRequiredService<SeededDirectory>();

    private RoleResolver Roles => factory.Services.GetRequiredService<RoleResolver>();

    [Fact]
    public async Task Alex_Wilber_is_the_Agents_Playgrounds_default_user_and_has_a_manager()
    {
        var alex = await Directory.FindUserAsync(Seeded.AlexWilber, CancellationToken.None);
        var manager = await Directory.FindManagerAsync(Seeded.AlexWilber, CancellationToken.None);

        Assert.Equal(Seeded.Tenant, Directory.TenantId);
        Assert.Equal("Alex Wilber", alex?.DisplayName);
        Assert.Equal(Seeded.MetteLund, manager?.ObjectId);
    }

    [Theory]
    [InlineData(Role.Committee, Seeded.KarenHolm)]
    [InlineData(Role.Directorate, Seeded.SoerenBach)]
    [InlineData(Role.Coordinator, Seeded.PiaSkov)]
    [InlineData(Role.Auditor, Seeded.JensKirk)]
    public async Task Each_global_role_has_a_seeded_holder_through_the_Development_role_groups(Role role, string holder)
    {
        var holders = new List<string>();
        foreach (var user in Directory.Users)
        {
            var roles = await Roles.GlobalRolesAsync(Actor.Of(user.TenantId, user.ObjectId), CancellationToken.None);
            if (roles.Contains(role))
            {
                holders.Add(user.ObjectId);
            }
        }

        Assert.Contains(holder, holders);
        Assert.DoesNotContain(Seeded.AlexWilber, holders);
    }

    [Fact]
    public async Task The_demo_systems_parse_and_are_owned_by_Alex_with_his_manager_as_area_manager()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Identity", "demo-systems.csv"));
        var import = ContinuityPlanCsv.Parse(bytes, "demo-systems.csv", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), PersonRef.FromUpn("pia.skov@norddjurs.example"));

        Assert.True(import.IsSuccess, string.Join(Environment.NewLine, import.Problems.Select(p => p.Error.Message(Language.English))));
        Assert.Equal(["DEMO-OMS", "DEMO-SAG", "DEMO-BOOK"], import.Systems.Select(s => s.SystemId));
        foreach (var system in import.Systems)
        {
            Assert.Equal([Role.SystemOwner], await Roles.RolesForSystemAsync(Actor.Of(Seeded.Tenant, Seeded.AlexWilber), system, CancellationToken.None));
            Assert.Contains(Role.AreaManager, await Roles.RolesForSystemAsync(Actor.Of(Seeded.Tenant, Seeded.MetteLund), system, CancellationToken.None));
            Assert.Equal([Role.Committee], await Roles.RolesForSystemAsync(Actor.Of(Seeded.Tenant, Seeded.KarenHolm), system, CancellationToken.None));
        }
    }

    [Fact]
    public void A_seeded_file_without_people_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seeded-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "tenantId": "t", "groups": [] }""");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => SeededDirectoryFile.Read(path));

            Assert.Contains("$.users is missing or empty", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_seeded_file_with_a_repeated_person_or_an_unknown_manager_is_refused_with_every_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seeded-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "tenantId": "t", "groups": [], "users": [
              { "objectId": "a", "upn": "a@x.example", "displayName": "A", "managerObjectId": "nobody" },
              { "objectId": "A", "upn": "b@x.example", "displayName": "B" } ] }
            """);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => SeededDirectoryFile.Read(path));

            Assert.Contains("$.users[1] repeats an objectId", error.Message, StringComparison.Ordinal);
            Assert.Contains("$.users[0].managerObjectId nobody names nobody", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
