using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Workflow;

/// <summary>
/// The authority's decision on one escalation (design.md §3): endorse the owner's measures (deadlines may only be
/// shortened), require other measures, or accept until an end date within the band's <c>acceptanceMaxMonths</c>.
/// Only the band's authority or a higher rank decides; the method's highest band (Kritisk) is accepted by the
/// directorate or above only; a compliance gap (risk-method.md §7) is never accepted.
/// </summary>
public static class EscalationDecisions
{
    public static Result<Escalation> Decide(
        Escalation escalation, RiskLine line, RiskMethod method, IReadOnlySet<Role> roles,
        string deciderObjectId, DateTimeOffset now, EscalationDecisionInput input)
    {
        if (escalation.State == EscalationState.Decided)
        {
            return DomainError.Of(WorkflowErrorCodes.EscalationAlreadyDecided, ("event", escalation.EventId));
        }

        var band = method.Band(escalation.BandId);
        var decidingRole = roles.Where(r => method.MayDecide(r, band)).OrderByDescending(r => method.Rank(r)).Cast<Role?>().FirstOrDefault();
        if (decidingRole is null)
        {
            return DomainError.Of(WorkflowErrorCodes.AuthorityInsufficient,
                ("band", band.Id), ("authority", method.AuthorityFor(band).Id()));
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = input.Kind switch
        {
            EscalationDecisionKind.Accept => AcceptProblems(escalation, method, band, decidingRole.Value, input, today),
            EscalationDecisionKind.EndorseMeasures => EndorseProblems(line, input, today),
            EscalationDecisionKind.RequireMeasures => RequireProblems(input, today),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown decision kind."),
        };
        if (errors.Count > 0)
        {
            return Result<Escalation>.Failure(errors);
        }

        var decision = new EscalationDecision(
            input.Kind, deciderObjectId, decidingRole.Value, now,
            Trimmed(input.Justification),
            input.Kind == EscalationDecisionKind.Accept ? input.AcceptedUntil : null,
            Trimmed(input.CaseNumber), Trimmed(input.MinutesReference),
            input.Kind == EscalationDecisionKind.EndorseMeasures ? input.ShortenedDeadlines ?? new Dictionary<string, DateOnly>() : new Dictionary<string, DateOnly>(),
            input.Kind == EscalationDecisionKind.RequireMeasures ? input.RequiredMeasures ?? [] : []);
        return escalation with { State = EscalationState.Decided, Decision = decision };
    }

    /// <summary>The roles that may decide this escalation, for showing the action only to them.</summary>
    public static bool MayDecide(Escalation escalation, RiskMethod method, IReadOnlySet<Role> roles) =>
        escalation.State == EscalationState.Pending && roles.Any(r => method.MayDecide(r, method.Band(escalation.BandId)));

    private static List<DomainError> AcceptProblems(
        Escalation escalation, RiskMethod method, Band band, Role decidingRole, EscalationDecisionInput input, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (escalation.ComplianceGap is not null)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.ComplianceGapNotAcceptable, ("gap", escalation.ComplianceGap)));
            return errors;
        }

        if (IsHighestBand(method, band) && method.Rank(decidingRole) < method.Rank(Role.Directorate))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.CriticalNeedsDirectorate, ("band", band.Id)));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(input.Justification))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.JustificationRequired));
        }

        var maxMonths = method.RuleFor(band).AcceptanceMaxMonths;
        if (input.AcceptedUntil is not { } until)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.AcceptanceEndRequired, ("months", maxMonths)));
        }
        else if (until <= today)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.AcceptanceEndNotFuture, ("date", until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }
        else if (until > today.AddMonths(maxMonths))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.AcceptanceTooLong, ("months", maxMonths), ("band", band.Id)));
        }

        return errors;
    }

    private static List<DomainError> EndorseProblems(RiskLine line, EscalationDecisionInput input, DateOnly today)
    {
        var errors = new List<DomainError>();
        var measures = line.Treatment?.Measures ?? [];
        var interim = line.Treatment?.InterimMeasures ?? [];
        if (measures.Count == 0 && interim.Count == 0 && line.Treatment?.Kind is not (TreatmentKind.Avoid or TreatmentKind.Share))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.NothingToEndorse, ("event", line.EventId)));
            return errors;
        }

        foreach (var (measureId, deadline) in input.ShortenedDeadlines ?? new Dictionary<string, DateOnly>())
        {
            var measure = measures.FirstOrDefault(m => m.Id == measureId);
            if (measure is null)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.UnknownMeasure, ("measure", measureId)));
            }
            else if (deadline > measure.Deadline)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.DeadlineLengthened, ("measure", measureId)));
            }
            else if (deadline < today)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.DeadlinePassed, ("measure", measureId)));
            }
        }

        return errors;
    }

    private static List<DomainError> RequireProblems(EscalationDecisionInput input, DateOnly today)
    {
        var required = input.RequiredMeasures ?? [];
        if (required.Count == 0)
        {
            return [DomainError.Of(WorkflowErrorCodes.RequiredMeasuresMissing)];
        }

        var errors = new List<DomainError>();
        for (var i = 0; i < required.Count; i++)
        {
            var m = required[i];
            if (string.IsNullOrWhiteSpace(m.Description) || string.IsNullOrWhiteSpace(m.ResponsibleObjectId))
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.RequiredMeasureIncomplete, ("number", i + 1)));
            }
            else if (m.Deadline < today)
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.DeadlinePassed, ("measure", i + 1)));
            }
        }

        return errors;
    }

    private static bool IsHighestBand(RiskMethod method, Band band) => band.Order == method.Bands.Max(b => b.Order);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
