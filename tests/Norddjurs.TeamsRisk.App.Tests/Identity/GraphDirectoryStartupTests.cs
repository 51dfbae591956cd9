extern alias emulator;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using emulator::Norddjurs.TeamsRisk.GraphEmulator;
using emulator::Norddjurs.TeamsRisk.GraphEmulator.Users;
using Emulator = emulator::Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary><c>Directory:Provider=Graph</c> in the real app: who someone is and which role groups they are in come from Graph (the emulator on loopback).</summary>
public sealed class GraphDirectoryStartupTests
{
    private const string Person = "0a6f3c1e-2b4d-4f8a-9e1c-3d5b7f9a1c01";
    private const string CommitteeGroup = "c0ffee00-0000-4000-8000-000000000001";

    [Fact]
    public async Task In_Development_the_signed_in_person_and_their_roles_come_from_the_Graph_directory()
    {
        var emulator = new Emulator();
        emulator.SeedUser(new UserState(Person, "kim.graph@norddjurs.dk", "Kim Graph", GroupIds: [CommitteeGroup]));
        await using var server = await GraphEmulatorServer.StartAsync(emulator);
        using var app = TeamsRiskApp.Create("Development", new Dictionary<string, string?>
        {
            ["Directory:Provider"] = "Graph",
            ["Graph:BaseUrl"] = server.BaseUrl,
            ["Graph:TenantId"] = Seeded.Tenant,
            ["Roles:CommitteeGroupId"] = CommitteeGroup,
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", Person);

        var me = await client.GetFromJsonAsync<JsonObject>("/api/me");

        Assert.Equal("kim.graph@norddjurs.dk", (string?)me!["upn"]);
        Assert.Contains("committee", me["roles"]!.AsArray().Select(r => ((string?)r)?.ToLowerInvariant()));
        Assert.Contains(emulator.RequestLog, r => r.Target.Contains("transitiveMemberOf", StringComparison.Ordinal));
    }
}
