using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>
/// Where a submission's card sits in the committee channel (teams-bot-protocol.md §3.5): the thread's conversation id
/// (<c>19:…@thread.tacv2;messageid=…</c>) and the root activity id that a PUT replaces. Opaque Teams ids, stored as given.
/// <see cref="SnapshotId"/> names the submission the card shows, so a post for an earlier submission is never mistaken for it.
/// </summary>
public sealed record CommitteePost(string ConversationId, string ActivityId, string? SnapshotId, DateTimeOffset PostedAt);

/// <summary>Who made the committee's decision (approve or return) and when; the texts themselves are on the record.</summary>
public sealed record CommitteeReview(string ByObjectId, string? ByName, DateTimeOffset At)
{
    public static CommitteeReview By(ChangeSet change) =>
        new(change.Actor.ObjectId, string.IsNullOrWhiteSpace(change.Actor.DisplayName) ? null : change.Actor.DisplayName, change.Now);
}
