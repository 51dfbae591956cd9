using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>
/// Stamps what the dispatcher learnt about an invitation, keyed by its assessment, so the coordinator's round status
/// reads it from the one store (no delivery database beside it). A document of its own, not a field of the
/// assessment: the owner may be editing the assessment at that very moment. A delivery fact, not a decision, so not audited.
/// </summary>
public sealed class RecordInvitationReach(IDocumentStore store, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task RecordAsync(string assessmentId, ReachChannel channel, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assessmentId);
        var reach = new InvitationReach(channel, reason, time.GetUtcNow());
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var stored = await store.LoadAsync<InvitationReach>(DocumentKinds.InvitationReach, assessmentId, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.Value.Channel == channel && stored.Value.Reason == reason)
            {
                return;
            }

            var write = stored is null
                ? DocumentWrite.Create(DocumentKinds.InvitationReach, assessmentId, StoreJson.Serialize(reach))
                : stored.Update(reach);
            var key = $"reach:{assessmentId}:{stored?.Document.Version ?? 0}:{channel}";
            if (await store.CommitAsync(new StoreChange(key, [write], [], [], null), cancellationToken).ConfigureAwait(false) is not CommitResult.Conflict)
            {
                return;
            }
        }
    }

    /// <summary>The stamp of an assessment's invitation, or null while the dispatcher has not tried it.</summary>
    public static async Task<InvitationReach?> ReadAsync(IDocumentStore store, string assessmentId, CancellationToken cancellationToken) =>
        (await store.LoadAsync<InvitationReach>(DocumentKinds.InvitationReach, assessmentId, cancellationToken).ConfigureAwait(false))?.Value;
}
