using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

/// <summary>The default method and catalogue, and systems from risk-method.md, for tests that read like the method.</summary>
internal static class Given
{
    public static readonly RiskMethod Method = Examples.Method;
    public static readonly EventCatalogue Catalogue = Examples.Catalogue;
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static SystemFacts HomeCare => Examples.HomeCare;

    public static Assessment Started(SystemFacts? facts = null) =>
        AssessmentStart.Invite("a-1", facts ?? HomeCare, Method, Catalogue, roundId: "2026", trigger: null) with { State = AssessmentState.InProgress };

    /// <summary>Facts confirmed, the suggested profile confirmed, and the pre-selected events kept.</summary>
    public static Assessment Profiled(SystemFacts? facts = null)
    {
        var a = AssessmentStart.ConfirmFacts(Started(facts), facts ?? HomeCare, Method, Catalogue).Value;
        a = Profiling.SetProfile(a, Method, Profiling.SuggestConfidentiality(a.Facts, Method), null, Profiling.SuggestIntegrity(a.Facts, Method), null).Value;
        var selected = a.Events.Where(e => e.Selected).Select(e => e.EventId).ToHashSet();
        return EventSelection.Choose(a, Catalogue, selected, new Dictionary<string, string>()).Value;
    }

    public static Assessment Scored(this Assessment a, string eventId, int likelihood, double? outage = null, int? overrideLevel = null, string? reason = null) =>
        Scoring.ScoreEvent(a, Method, Catalogue, eventId, new ScoreInput(likelihood, ExpectedOutageHours: outage, OverrideConsequence: overrideLevel, OverrideReason: reason)).Value;

    public static Assessment Treated(this Assessment a, string eventId, TreatmentInput input) =>
        Treatments.Propose(a, Method, eventId, input, Today).Value;

    public static MeasureInput Measure(string id, int targetL, int targetC, int months = 4) =>
        new(id, "Foranstaltning " + id, "00000000-0000-0000-0000-0000000000020", Today.AddMonths(months), targetL, targetC);
}
