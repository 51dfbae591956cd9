using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Tests.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>Assessments the workflow tests act on, built through the engine so their numbers are real.</summary>
internal static class Submitted
{
    public const string Owner = "00000000-0000-0000-0000-0000000000020";

    public static readonly IReadOnlySet<Role> AsOwner = new HashSet<Role> { Role.SystemOwner };
    public static readonly IReadOnlySet<Role> AsCommittee = new HashSet<Role> { Role.Committee };
    public static readonly IReadOnlySet<Role> AsSystem = new HashSet<Role> { Role.System };
    public static readonly IReadOnlySet<Role> AsCoordinator = new HashSet<Role> { Role.Coordinator };

    /// <summary>Every selected event scored low and accepted: complete, nothing above the appetite.</summary>
    public static Assessment AllLow()
    {
        var a = Given.Profiled(Given.HomeCare with { External = false });
        foreach (var e in a.SelectedEvents.Select(e => e.EventId).ToList())
        {
            a = a.Scored(e, likelihood: 1, outage: 1).Treated(e, new TreatmentInput("accept", "Lav nok"));
        }

        return a;
    }

    /// <summary>
    /// C = I = 4: CYB-PHISH at L3 is 12 Kritisk (reduced, with an interim measure) and CYB-RANSOM at L2 is 8 Høj
    /// (reduced); the rest stays as in <see cref="AllLow"/>.
    /// </summary>
    public static Assessment WithHighAndCritical()
    {
        var a = Profiling.SetProfile(AllLow(), Given.Method, 4, "test", 4, "test").Value;
        foreach (var e in a.SelectedEvents.Select(e => e.EventId).ToList())
        {
            a = a.Scored(e, likelihood: 1, outage: 1);
            var line = a.Line(e)!;
            a = a.Treated(e, line.Score.WithinAppetite
                ? new TreatmentInput("accept", "Acceptabelt")
                : new TreatmentInput("reduce", "Reduceres", Measures: [Given.Measure(e + "-m", 1, 1)]));
        }

        a = a.Scored("CYB-PHISH", 3, 1).Treated("CYB-PHISH", new TreatmentInput(
            "reduce", "Reduceres", Measures: [Given.Measure("mfa", 1, 2, months: 2)],
            InterimMeasures: [new InterimMeasureInput("Ekstra overvågning af login", Owner)]));
        a = a.Scored("CYB-RANSOM", 2, 1).Treated("CYB-RANSOM", new TreatmentInput("reduce", "Reduceres", Measures: [Given.Measure("backup", 1, 2)]));
        return a with { State = AssessmentState.Submitted };
    }

    public static IReadOnlyDictionary<string, string> RecommendationsFor(Assessment a) =>
        a.Lines.Where(l => !l.Score.WithinAppetite || Given.Method.RuleFor(l.Score.Band).CommitteeRecommendationRequired)
            .ToDictionary(l => l.EventId, l => "Udvalget indstiller: " + l.EventId);
}
