using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>One instance at a time per job; the fencing token grows with every new holder.</summary>
public abstract partial class RiskStoreContract
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_holder_renews_its_lease_with_the_same_token()
    {
        var lease = (await Store.TryAcquireLeaseAsync("job.due", "instance-a", Clock.GetUtcNow(), Ttl, Ct))!;
        Clock.Advance(TimeSpan.FromSeconds(40));

        var renewed = await Store.RenewLeaseAsync(lease, Clock.GetUtcNow(), Ttl, Ct);
        var reacquired = await Store.TryAcquireLeaseAsync("job.due", "instance-a", Clock.GetUtcNow(), Ttl, Ct);

        Assert.Equal(lease with { ExpiresAt = Clock.GetUtcNow() + Ttl }, renewed);
        Assert.Equal(lease.FencingToken, reacquired!.FencingToken);
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_holder_with_a_greater_token_and_the_old_one_cannot_renew()
    {
        var old = (await Store.TryAcquireLeaseAsync("job.due", "instance-a", Clock.GetUtcNow(), Ttl, Ct))!;
        Assert.Null(await Store.TryAcquireLeaseAsync("job.due", "instance-b", Clock.GetUtcNow().AddSeconds(59), Ttl, Ct));

        Clock.Advance(Ttl);
        var next = await Store.TryAcquireLeaseAsync("job.due", "instance-b", Clock.GetUtcNow(), Ttl, Ct);

        Assert.Equal("instance-b", next!.Holder);
        Assert.True(next.FencingToken > old.FencingToken);
        Assert.Null(await Store.RenewLeaseAsync(old, Clock.GetUtcNow(), Ttl, Ct));
        Assert.False(await Store.ReleaseLeaseAsync(old, Ct));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_its_token_is_not_reused()
    {
        var first = (await Store.TryAcquireLeaseAsync("job.due", "instance-a", Clock.GetUtcNow(), Ttl, Ct))!;

        Assert.True(await Store.ReleaseLeaseAsync(first, Ct));
        var second = await Store.TryAcquireLeaseAsync("job.due", "instance-b", Clock.GetUtcNow(), Ttl, Ct);

        Assert.True(second!.FencingToken > first.FencingToken);
    }

    [Fact]
    public async Task Instances_racing_for_a_free_lease_get_exactly_one_holder()
    {
        var instances = new[] { Store, OpenSecondInstance() };

        var leases = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() =>
            instances[n % 2].TryAcquireLeaseAsync("job.due", $"instance-{n}", Clock.GetUtcNow(), Ttl, Ct))));

        var holder = Assert.Single(leases, l => l is not null)!;
        Assert.Equal(1, holder.FencingToken);
    }

    [Fact]
    public async Task Leases_of_different_names_are_independent()
    {
        var sealer = await Store.TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-a", Clock.GetUtcNow(), Ttl, Ct);

        var job = await Store.TryAcquireLeaseAsync("job.due", "instance-b", Clock.GetUtcNow(), Ttl, Ct);

        Assert.NotNull(sealer);
        Assert.NotNull(job);
    }
}
