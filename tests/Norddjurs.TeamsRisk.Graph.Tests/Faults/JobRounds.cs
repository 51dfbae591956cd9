using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Tests.Faults;

/// <summary>
/// One round of the App's audit sealer and outbox dispatcher (App/Jobs), reduced to their store calls so they run in
/// step with the submissions. Like the jobs, a round that meets a Graph fault stops; the next round picks up the work.
/// </summary>
internal sealed class JobRounds(TimeProvider time)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(1);

    public int FailedRounds { get; private set; }

    public int Sent { get; private set; }

    /// <summary>Seals every pending intent onto the head, in the store's commit order; false when a fault stopped the round.</summary>
    public async Task<bool> SealAsync(IRiskStore store, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            if (await store.TryAcquireLeaseAsync(AuditLeases.Sealer, "fault-test", now, LeaseDuration, cancellationToken) is not { } lease)
            {
                // A renewal answered 412 after a commit-then-fail retry: like the App's sealer, skip this round.
                FailedRounds++;
                return false;
            }

            for (var moves = 0; await store.ReadPendingAuditIntentsAsync(50, cancellationToken) is { Count: > 0 } intents;)
            {
                var head = await store.GetChainHeadAsync(cancellationToken);
                var entries = new List<AuditEntry>();
                foreach (var intent in intents)
                {
                    entries.Add(AuditChain.Seal(entries.LastOrDefault()?.Head ?? head, intent, time.GetUtcNow()).Value);
                }

                var result = await store.SealAsync(lease, entries, head, cancellationToken);
                Assert.IsNotType<SealResult.LeaseLost>(result);
                if (result is SealResult.HeadMoved && ++moves > 3)
                {
                    FailedRounds++;
                    return false;
                }
            }

            await store.ReleaseLeaseAsync(lease, cancellationToken);
            return true;
        }
        catch (GraphStoreException)
        {
            // The intents stay pending; a lease a failed round still holds runs out, as a crashed sealer's would.
            FailedRounds++;
            return false;
        }
    }

    /// <summary>Claims and marks sent what is due, as the dispatcher does after a successful delivery.</summary>
    public async Task<bool> DispatchAsync(IRiskStore store, CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var row in await store.ReadDueOutboxAsync(now, 20, cancellationToken))
            {
                if (await store.TryClaimAsync(row.Message.Id, row.Version, "fault-test", now + ClaimDuration, cancellationToken) is { } claimed
                    && await store.MarkSentAsync(row.Message.Id, claimed.Version, now, cancellationToken))
                {
                    Sent++;
                }
            }

            return true;
        }
        catch (GraphStoreException)
        {
            FailedRounds++;
            return false;
        }
    }
}
