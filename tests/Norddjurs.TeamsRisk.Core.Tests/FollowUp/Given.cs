using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Method;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

internal static class Given
{
    public static readonly RiskMethod NkMethod = DefaultMethod.Load().Value;

    public static AssessmentFacts Assessment(
        AssessmentState state,
        string invitedOn = "2026-01-31",
        string? returnedOn = null,
        string? submittedOn = null,
        params EscalationFacts[] escalations) => new()
        {
            Id = "A-1",
            SystemId = "S-1",
            State = state,
            InvitedOn = Day(invitedOn),
            ReturnedOn = returnedOn is null ? null : Day(returnedOn),
            SubmittedOn = submittedOn is null ? null : Day(submittedOn),
            Escalations = escalations,
        };

    public static EscalationFacts Escalation(string id, Role authority, string escalatedOn, EscalationState state = EscalationState.Pending) =>
        new(id, authority, state, Day(escalatedOn));

    public static MeasureFacts Measure(string deadline, MeasureStatus status = MeasureStatus.Igangsat) =>
        new("M-1", "S-1", "L-1", status, Day(deadline), "responsible-oid");

    /// <summary>Notices as "Reason step" in order, so a test reads like the rule.</summary>
    public static string[] Described(IEnumerable<DueNotice> notices) =>
        [.. notices.Select(n => n.Step is null ? n.Reason.ToString() : $"{n.Reason} {n.Step}")];
}
