using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>
/// Keeps where the Teams sender posted a submission's committee card, on the assessment's record, so a later decision
/// updates that card in place (design.md §5). Not a decision and not a transition, so no audit entry: the submission
/// already has one. A post for a submission that is no longer the current one is not recorded.
/// </summary>
public sealed class RecordCommitteePost(IDocumentStore store)
{
    private const int Attempts = 3;

    /// <summary>True when the record now names <paramref name="post"/>; false when the assessment is gone or was resubmitted since.</summary>
    public async Task<bool> HandleAsync(string assessmentId, CommitteePost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var loaded = await store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, assessmentId, cancellationToken).ConfigureAwait(false);
            if (loaded is null || (post.SnapshotId is not null && loaded.Value.SnapshotId != post.SnapshotId))
            {
                return false;
            }

            if (loaded.Value.CommitteePost == post)
            {
                return true;
            }

            var updated = loaded.Value with { CommitteePost = post };
            // A fresh key per attempt: a conflict (a decision landed first) is read again, not replayed.
            var key = $"committee-post/{assessmentId}/{loaded.Document.Version}/{post.ActivityId}";
            var result = await store.CommitAsync(new StoreChange(key, [loaded.Update(updated, updated.Index())], [], [], null), cancellationToken).ConfigureAwait(false);
            if (result is not CommitResult.Conflict)
            {
                return true;
            }
        }

        return false;
    }
}
