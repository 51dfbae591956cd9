namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// Named leases so that one instance at a time runs a job (the audit sealer, due-rule jobs, delta sync). Time is
/// passed in (TimeProvider at the caller). The fencing token grows with every new holder, so a store can refuse
/// work from a holder whose lease was taken over while it paused.
/// </summary>
public interface ILeases
{
    /// <summary>The lease when it is free, expired or already held by <paramref name="holder"/> (then renewed); otherwise null.</summary>
    Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held (same token, not expired at <paramref name="now"/>); null when it was lost.</summary>
    Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up so another instance need not wait for it to expire; false when it was not held.</summary>
    Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken);
}

/// <summary>A held lease; <see cref="FencingToken"/> identifies this holding among all holdings of the name.</summary>
public sealed record Lease(string Name, string Holder, long FencingToken, DateTimeOffset ExpiresAt);
