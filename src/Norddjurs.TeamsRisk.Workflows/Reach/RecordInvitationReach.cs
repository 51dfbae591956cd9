using System.Globalization;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>
/// Stamps what the dispatcher learnt about an invitation on its assessment, so the coordinator's round status reads
/// it from the one store (no delivery database beside it). A delivery fact, not a decision: it is not audited, and a
/// concurrent edit by the owner is met by reading again rather than failing the delivery.
/// </summary>
public sealed class RecordInvitationReach(IDocumentStore store, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task RecordAsync(string assessmentId, ReachChannel channel, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assessmentId);
        var now = time.GetUtcNow();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var loaded = await store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, assessmentId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || loaded.Value.InvitationReach is { } known && known.Channel == channel && known.Reason == reason)
            {
                return;
            }

            var stamped = loaded.Value with { InvitationReach = new InvitationReach(channel, reason, now) };
            var key = string.Create(CultureInfo.InvariantCulture, $"reach:{assessmentId}:{loaded.Document.Version}:{channel}");
            var change = new StoreChange(key, [loaded.Update(stamped, stamped.Index())], [], [], null);
            if (await store.CommitAsync(change, cancellationToken).ConfigureAwait(false) is not CommitResult.Conflict)
            {
                return;
            }
        }
    }
}
