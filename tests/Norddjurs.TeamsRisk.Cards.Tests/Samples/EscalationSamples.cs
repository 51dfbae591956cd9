using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Escalation;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Cards.Tests.Samples;

/// <summary>The decision card of the worked example's ransomware line (Høj, above the appetite), in each of its views.</summary>
internal static class EscalationSamples
{
    public const string EscalationId = CardSamples.AssessmentId + ":CYB-RANSOM";

    public static EscalationCardModel Pending(MethodData m) => new(
        EscalationId, CardSamples.AssessmentId, CardSamples.System, "Alex Wilber", m.Event("CYB-RANSOM").Name, m.Score(2, 4),
        m.Band(MethodData.Method.AppetiteBand), Text("Områdechef", "Area manager", m),
        new EscalationCardProposal(TreatmentKind.Reduce, Text("Backup og segmentering tager risikoen ned.", "Backup and segmentation bring the risk down.", m),
        [
            new("m1", Text("Uforanderlig backup", "Immutable backup", m), "Alex Wilber", new DateOnly(2027, 2, 28)),
            new(null, Text("Ekstra overvågning", "Extra monitoring", m), "Bo Drift", null),
        ], m.Score(1, 4)),
        Text("Udvalget støtter ejerens plan; fristen bør holdes.", "The committee supports the owner's plan; the deadline should hold.", m),
        EscalationCardMode.Actionable)
    {
        Stamp = CardSamples.Stamp,
        AcceptanceMaxMonths = 12,
        Today = CardSamples.Today,
        LatestAcceptanceEnd = CardSamples.Today.AddMonths(12),
    };

    public static EscalationCardModel ComplianceGap(MethodData m) => Pending(m) with { ComplianceGap = "dpa" };

    public static EscalationCardModel ReadOnly(MethodData m) => Pending(m) with { Mode = EscalationCardMode.ReadOnly };

    /// <summary>Accept pressed with an end date beyond the band's maximum: the message next to the date, the justification kept.</summary>
    public static EscalationCardModel Refused(MethodData m) => Pending(m) with
    {
        Typed = new Dictionary<string, string>
        {
            [CardInputIds.AcceptJustification] = Text("Systemet udskiftes.", "The system is being replaced.", m),
            [CardInputIds.AcceptUntil] = "2028-06-01",
        },
        Errors = [new CardFieldError(CardInputIds.AcceptUntil, Text("En risiko i båndet high kan højst accepteres i 12 måneder.", "A risk in band high can be accepted for at most 12 months.", m))],
    };

    public static EscalationCardModel Accepted(MethodData m) => Pending(m) with
    {
        Mode = EscalationCardMode.Decided,
        Decision = new EscalationCardDecision(EscalationDecisionKind.Accept, "Mette Lund", new DateOnly(2026, 12, 3),
            Text("Systemet udskiftes i 2027.", "The system is replaced in 2027.", m), new DateOnly(2027, 6, 30), "26-001234", "Direktionsmøde 3/12, pkt. 4", []),
    };

    public static EscalationCardModel Endorsed(MethodData m) => Pending(m) with
    {
        Mode = EscalationCardMode.Decided,
        Decision = new EscalationCardDecision(EscalationDecisionKind.EndorseMeasures, "Mette Lund", new DateOnly(2026, 12, 3), null, null, null, null, []),
    };

    public static EscalationCardModel Required(MethodData m) => Pending(m) with
    {
        Mode = EscalationCardMode.Decided,
        Decision = new EscalationCardDecision(EscalationDecisionKind.RequireMeasures, "Mette Lund", new DateOnly(2026, 12, 3), null, null, null, null,
            [new(null, Text("Segmentér netværket", "Segment the network", m), "Alex Wilber", new DateOnly(2027, 3, 31))]),
    };

    private static string Text(string danish, string english, MethodData m) => m.Language == Language.English ? english : danish;
}
