using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Directory;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Users;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Directory;

/// <summary>The Entra directory through Graph (design.md §4, graph-sharepoint.md §8.3, §10.7 test 34) against the emulator.</summary>
public sealed class GraphDirectoryTests
{
    private const string Tenant = "5a1e9c3d-0b7f-4e2a-9c6d-1f3b5d7e9a20";
    private const string Owner = "0a6f3c1e-2b4d-4f8a-9e1c-3d5b7f9a1c01";
    private const string Manager = "0a6f3c1e-2b4d-4f8a-9e1c-3d5b7f9a1c02";
    private const string Committee = "c0ffee00-0000-4000-8000-000000000001";

    private readonly Emulator _emulator = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly GraphDirectory _directory;

    public GraphDirectoryTests()
    {
        _emulator.SeedUser(new UserState(Owner, "alex.wilber@norddjurs.dk", "Alex Wilber", ManagerId: Manager, GroupIds: [Committee]));
        _emulator.SeedUser(new UserState(Manager, "megan.bowen@norddjurs.dk", "Megan Bowen"));
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));
        _directory = new GraphDirectory(graph, Tenant, _time);
    }

    [Fact]
    public async Task A_user_is_found_by_object_id_and_by_UPN()
    {
        var byId = await _directory.FindUserAsync(Owner, CancellationToken.None);
        var byUpn = await _directory.FindUserByUpnAsync("Alex.Wilber@norddjurs.dk", CancellationToken.None);

        Assert.Equal(new Workflows.Identity.DirectoryUser(Tenant, Owner, "alex.wilber@norddjurs.dk", "Alex Wilber"), byId);
        Assert.Equal(byId, byUpn);
    }

    [Fact]
    public async Task An_unknown_user_is_null_with_no_groups_and_no_manager()
    {
        const string unknown = "ffffffff-ffff-4fff-8fff-ffffffffffff";

        Assert.Null(await _directory.FindUserAsync(unknown, CancellationToken.None));
        Assert.Null(await _directory.FindManagerAsync(unknown, CancellationToken.None));
        Assert.Empty(await _directory.GroupIdsAsync(unknown, CancellationToken.None));
    }

    [Fact]
    public async Task The_manager_is_the_Entra_manager_and_a_user_without_one_has_none()
    {
        Assert.Equal(Manager, (await _directory.FindManagerAsync(Owner, CancellationToken.None))?.ObjectId);
        Assert.Null(await _directory.FindManagerAsync(Manager, CancellationToken.None));
    }

    [Fact]
    public async Task Group_ids_are_the_transitive_memberships_compared_case_insensitively()
    {
        var groups = await _directory.GroupIdsAsync(Owner, CancellationToken.None);

        Assert.Contains(Committee.ToUpperInvariant(), groups);
        Assert.Single(groups);
    }

    [Fact]
    public async Task Answers_are_cached_briefly_then_asked_again()
    {
        await _directory.GroupIdsAsync(Owner, CancellationToken.None);
        await _directory.GroupIdsAsync(Owner, CancellationToken.None);
        Assert.Single(_emulator.RequestLog);

        _time.Advance(GraphDirectory.CacheLifetime);
        await _directory.GroupIdsAsync(Owner, CancellationToken.None);

        Assert.Equal(2, _emulator.RequestLog.Count);
    }
}
