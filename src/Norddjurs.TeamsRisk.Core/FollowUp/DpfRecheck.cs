namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// A transfer under the EU-US Data Privacy Framework is re-checked against the DPF list yearly (risk-method.md §7,
/// "tool = dpf"). The method has no field for the interval; a year is the rule's own wording.
/// </summary>
public static class DpfRecheck
{
    public const int IntervalMonths = 12;

    public static DateOnly DueOn(DpfTransferFacts transfer) => transfer.LastCheckedOn.AddMonths(IntervalMonths);

    /// <summary>The re-check, to the system owner who keeps the system record (risk-method.md §2.1 step 3).</summary>
    public static IEnumerable<DueNotice> Due(DpfTransferFacts transfer, DateOnly today)
    {
        var dueOn = DueOn(transfer);
        return dueOn <= today
            ? [new DueNotice(
                NoticeReason.DpfRecheckDue,
                new NoticeSubject(NoticeSubjectType.System, transfer.SystemId),
                transfer.SystemId,
                NoticeRecipient.ForRole(Role.SystemOwner),
                dueOn,
                dueOn)]
            : [];
    }
}
