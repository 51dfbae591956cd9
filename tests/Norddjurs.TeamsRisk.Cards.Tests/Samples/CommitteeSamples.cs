using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Committee;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Tests.Samples;

/// <summary>The committee's card of the worked example's submission (risk-method.md §3.6), in each of its views.</summary>
internal static class CommitteeSamples
{
    public static readonly string[] MemberIds = ["29:1karen", "29:1mads"];

    /// <summary>What everyone sees when the card is posted: two Høj lines above the appetite, one Lav line, the DPIA flag.</summary>
    public static CommitteeCardModel ReadOnly(MethodData m)
    {
        var summary = CardSamples.Summary(m);
        CommitteeCardLine[] lines =
        [
            new("TEC-NETWORK", m.Event("TEC-NETWORK").Name, m.Score(3, 3), NeedsRecommendation: true,
                new CommitteeCardTreatment(TreatmentKind.Reduce, null, [new(Text("Etablér en ekstra netforbindelse", "Set up a second network line", m), new DateOnly(2027, 3, 31))], m.Score(1, 3)), null),
            new("CYB-RANSOM", m.Event("CYB-RANSOM").Name, m.Score(2, 4), NeedsRecommendation: true,
                new CommitteeCardTreatment(TreatmentKind.Reduce, null,
                [
                    new(Text("Uforanderlig backup", "Immutable backup", m), new DateOnly(2027, 2, 28)),
                    new(Text("Segmentér netværket", "Segment the network", m), null),
                ], m.Score(1, 4)), null),
            new("PHY-POWER", m.Event("PHY-POWER").Name, m.Score(2, 1), NeedsRecommendation: false,
                new CommitteeCardTreatment(TreatmentKind.Accept, Text("Leverandørens UPS og generator dækker", "The supplier's UPS and generator cover it", m), [], null), null),
        ];
        return new CommitteeCardModel(CardSamples.AssessmentId, CardSamples.System, "Alex Wilber", "Runde 2026", CardSamples.Today,
            lines, summary.Headline, summary.Flags, CommitteeCardMode.ReadOnly)
        {
            Stamp = CardSamples.Stamp,
            RefreshUserIds = MemberIds,
        };
    }

    public static CommitteeCardModel Actionable(MethodData m) => ReadOnly(m) with { Mode = CommitteeCardMode.Actionable };

    /// <summary>Approve pressed without a recommendation for the ransomware line: the message next to its input, the other text kept.</summary>
    public static CommitteeCardModel MissingRecommendation(MethodData m) => Actionable(m) with
    {
        Typed = new Dictionary<string, string> { [CardInputIds.Recommendation("TEC-NETWORK")] = Text("Udvalget støtter planen.", "The committee supports the plan.", m) },
        Errors = [new CardFieldError(CardInputIds.Recommendation("CYB-RANSOM"), Text("Udvalgets indstilling mangler for CYB-RANSOM.", "The committee's recommendation is missing for CYB-RANSOM.", m))],
    };

    public static CommitteeCardModel Approved(MethodData m)
    {
        var model = ReadOnly(m);
        return model with
        {
            Mode = CommitteeCardMode.Decided,
            RefreshUserIds = [],
            Lines = [.. model.Lines.Select(l => l.NeedsRecommendation ? l with { Recommendation = Text("Udvalget støtter ejerens plan; fristen bør holdes.", "The committee supports the owner's plan; the deadline should hold.", m) } : l)],
            Decision = new CommitteeCardDecision(Approved: true, "Karen Holm", new DateOnly(2026, 12, 3), null),
        };
    }

    public static CommitteeCardModel Returned(MethodData m) => ReadOnly(m) with
    {
        Mode = CommitteeCardMode.Decided,
        RefreshUserIds = [],
        Decision = new CommitteeCardDecision(Approved: false, "Karen Holm", new DateOnly(2026, 12, 3),
            Text("Sandsynligheden for ransomware er sat for lavt; se hændelsesloggen fra 2026.", "The likelihood of ransomware is set too low; see the 2026 incident log.", m)),
    };

    /// <summary>Every catalogue event above the appetite with three measures and a reason each: more than a card holds in full.</summary>
    public static CommitteeCardModel EveryEventActionable(MethodData m)
    {
        var model = Actionable(m);
        var lines = MethodData.Catalogue.Events.Select(e => new CommitteeCardLine(e.Id, m.Event(e).Name, m.Score(3, 4), NeedsRecommendation: true,
            new CommitteeCardTreatment(TreatmentKind.Reduce, new string('b', 200),
                [.. Enumerable.Range(1, 3).Select(i => new CommitteeCardMeasure($"Tiltag {i} med en lang beskrivelse af hvad der skal ske og hvornår", new DateOnly(2027, 1, i)))],
                m.Score(1, 4)), null));
        return model with { Lines = [.. lines] };
    }

    private static string Text(string danish, string english, MethodData m) => m.Language == Language.English ? english : danish;
}
