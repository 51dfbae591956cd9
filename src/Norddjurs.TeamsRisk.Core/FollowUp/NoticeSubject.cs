namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>What a notice is about: one record in the store, by its id.</summary>
public sealed record NoticeSubject(NoticeSubjectType Type, string Id);

public enum NoticeSubjectType
{
    Assessment,
    Escalation,
    Measure,
    Acceptance,
    System,

    /// <summary>One risk line of an assessment: <c>{assessmentId}:{eventId}</c>.</summary>
    RiskLine,
}

public static class NoticeSubjectTypeIds
{
    /// <summary>The stable id used in notice keys.</summary>
    public static string Id(this NoticeSubjectType type) => type switch
    {
        NoticeSubjectType.Assessment => "assessment",
        NoticeSubjectType.Escalation => "escalation",
        NoticeSubjectType.Measure => "measure",
        NoticeSubjectType.Acceptance => "acceptance",
        NoticeSubjectType.System => "system",
        NoticeSubjectType.RiskLine => "risk-line",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
