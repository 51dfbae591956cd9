namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>Whether a method version may be used (risk-method.md §3.8): only an approved version is active.</summary>
public enum MethodStatus
{
    Draft,
    Active,
}

/// <summary>Who approved the version, when, and under which decision (direktionen's, under NIS2).</summary>
public sealed record MethodApproval(string? ApprovedBy, DateOnly? ApprovedAt, string? DecisionRef)
{
    public static MethodApproval None { get; } = new(null, null, null);

    public bool IsComplete => !string.IsNullOrWhiteSpace(ApprovedBy) && ApprovedAt is not null && !string.IsNullOrWhiteSpace(DecisionRef);
}

public sealed record CatalogueRef(string Id, string Version);

/// <summary>A role as the method names it, with its rank for decisions (a higher rank may always decide).</summary>
public sealed record RoleDefinition(Role Role, LocalizedText Label, int? Rank);

public sealed record Deadlines(
    int OwnerAssessmentDays,
    IReadOnlyList<int> OwnerReminderDaysBefore,
    int OwnerOverdueEscalateAfterDays,
    int CommitteeReviewWorkingDays,
    int AreaManagerDecisionWorkingDays,
    int DirectorateDecisionWorkingDays,
    int MeasureReminderDaysBefore,
    IReadOnlyList<OverdueEscalationStep> MeasureOverdueEscalation);

public sealed record OverdueEscalationStep(int AfterDays, Role To);

public sealed record Cycle(string Frequency, int DefaultRoundStartMonth, int MaxMonthsBetweenApprovedAssessments);

public sealed record GdprRules(IReadOnlyList<Dimension> PersonalDataDimensions, string DpiaFlagFromBand, string PriorConsultationFlagIfResidualFromBand);

public sealed record ComplianceGapRules(bool Acceptable, IReadOnlyList<string> Kinds);

public sealed record LegalStatus(DpfStatus EuUsDpf);

public sealed record DpfStatus(string Status, DateOnly CheckedAt, string Note)
{
    public bool IsValid => Status == "valid";
}
