using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// A lease this instance holds is renewed and released with one PATCH carrying the eTag of its own last write; a write by
/// anyone else since (another instance took the expired lease) fails that If-Match and the read decides, as before.
/// </summary>
public sealed class LeaseRoundTripTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);
    private readonly Emulator _emulator = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Renewing_and_releasing_a_held_lease_take_one_round_trip_each()
    {
        var store = await OpenAsync();
        var lease = (await store.TryAcquireLeaseAsync("audit.sealer", "a", _time.GetUtcNow(), Ttl, Ct))!;
        var before = RoundTrips();

        var renewed = await store.RenewLeaseAsync(lease, _time.GetUtcNow().AddSeconds(20), Ttl, Ct);
        var again = await store.RenewLeaseAsync(renewed!, _time.GetUtcNow().AddSeconds(40), Ttl, Ct);
        var released = await store.ReleaseLeaseAsync(again!, Ct);

        Assert.Equal(_time.GetUtcNow().AddSeconds(40) + Ttl, again!.ExpiresAt);
        Assert.True(released);
        Assert.Equal(3, RoundTrips() - before);
        Assert.NotNull(await store.TryAcquireLeaseAsync("audit.sealer", "b", _time.GetUtcNow().AddSeconds(41), Ttl, Ct));
    }

    [Fact]
    public async Task A_lease_another_instance_took_after_it_expired_is_neither_renewed_nor_released_by_the_old_holder()
    {
        var site = await TestSite.ProvisionAsync(_emulator);
        var first = await site.OpenStoreAsync(_time);
        var second = await site.OpenStoreAsync(_time);
        var lease = (await first.TryAcquireLeaseAsync("audit.sealer", "a", _time.GetUtcNow(), Ttl, Ct))!;
        var later = _time.GetUtcNow() + Ttl + TimeSpan.FromSeconds(1);
        var taken = await second.TryAcquireLeaseAsync("audit.sealer", "b", later, Ttl, Ct);

        // The old holder's clock lags: by its reckoning the lease is still live, so it tries the PATCH; the If-Match refuses it.
        Assert.Null(await first.RenewLeaseAsync(lease, _time.GetUtcNow().AddSeconds(30), Ttl, Ct));
        Assert.False(await first.ReleaseLeaseAsync(lease, Ct));
        Assert.NotNull(taken);
        Assert.NotNull(await second.RenewLeaseAsync(taken!, later.AddSeconds(10), Ttl, Ct));
        Assert.Equal(taken!.FencingToken, lease.FencingToken + 1);
    }

    private int RoundTrips() => _emulator.RequestLog.Count(e => !e.IsBatchStep);

    private async Task<GraphRiskStore> OpenAsync() => await (await TestSite.ProvisionAsync(_emulator)).OpenStoreAsync(_time);
}
