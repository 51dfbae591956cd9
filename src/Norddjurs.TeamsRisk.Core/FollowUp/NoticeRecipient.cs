namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// Who a notice goes to: a role, resolved by the app for the notice's system (design.md §4: the system's owner
/// and deputy, its area manager, the committee group…), or one person by Entra object id (a measure's
/// responsible). <see cref="Role.System"/> means the app acts itself: the scheduler starts an assessment.
/// </summary>
public sealed record NoticeRecipient
{
    private NoticeRecipient(Role? role, string? objectId)
    {
        Role = role;
        ObjectId = objectId;
    }

    public Role? Role { get; }

    public string? ObjectId { get; }

    public static NoticeRecipient ForRole(Role role) => new(role, null);

    public static NoticeRecipient Person(string objectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        return new NoticeRecipient(null, objectId);
    }
}
