using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// A lease a job keeps across its rounds instead of taking and giving it back every round: on SharePoint a renewal is a
/// read and a write, so it is renewed only once half of it has run out, and released at shutdown (<see cref="PollingJob"/>)
/// so a standby need not wait for it to expire. Not thread-safe: one per job loop.
/// </summary>
internal sealed partial class HeldLease(ILeases leases, string name, TimeSpan duration, JobInstance instance, TimeProvider time, ILogger logger)
{
    private Lease? _lease;

    /// <summary>
    /// When the lease held must be renewed (half of it run out), or null when this instance holds none: a job that backs
    /// off while idle runs a round by then, so its lease never lapses while it waits.
    /// </summary>
    public DateTimeOffset? RenewalDueAt => _lease is { } held ? held.ExpiresAt - (duration / 2) : null;

    /// <summary>The lease for this round (held, renewed or acquired), or null while another instance holds it.</summary>
    public async Task<Lease?> HoldAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lease is { } held)
        {
            // While more than half is left, the lease held still fences this round's writes (a takeover changes the token).
            if (held.ExpiresAt - now > duration / 2)
            {
                return held;
            }

            _lease = await leases.RenewLeaseAsync(held, now, duration, cancellationToken).ConfigureAwait(false);
            if (_lease is not null)
            {
                return _lease;
            }

            LogLost(logger, name, held.FencingToken);
        }

        _lease = await leases.TryAcquireLeaseAsync(name, instance.Id, now, duration, cancellationToken).ConfigureAwait(false);
        if (_lease is not null)
        {
            LogAcquired(logger, name, instance.Id, _lease.FencingToken);
        }

        return _lease;
    }

    /// <summary>The store refused a write fenced by the lease: another instance has taken it over.</summary>
    public void Lost()
    {
        if (_lease is { } lost)
        {
            _lease = null;
            LogLost(logger, name, lost.FencingToken);
        }
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await leases.ReleaseLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
            LogReleased(logger, name, lease.FencingToken);
        }
    }

    [LoggerMessage(3011, LogLevel.Information, "Lease {Name} acquired by {Holder} (fencing token {FencingToken})")]
    private static partial void LogAcquired(ILogger logger, string name, string holder, long fencingToken);

    [LoggerMessage(3012, LogLevel.Warning, "Lease {Name} (fencing token {FencingToken}) was lost; another instance has it")]
    private static partial void LogLost(ILogger logger, string name, long fencingToken);

    [LoggerMessage(3013, LogLevel.Information, "Lease {Name} (fencing token {FencingToken}) released")]
    private static partial void LogReleased(ILogger logger, string name, long fencingToken);
}
