using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Committee;
using Norddjurs.TeamsRisk.Cards.Escalation;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Cards.MyAssessments;
using Norddjurs.TeamsRisk.Cards.Notifications;
using Norddjurs.TeamsRisk.Cards.Outcome;
using Norddjurs.TeamsRisk.Cards.Welcome;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Cards.Tests.Samples;

/// <summary>
/// One sample per card (and per notable state), built from the worked example of risk-method.md §3.6: the home-care
/// system with the shipped method and catalogue. Every test that walks "all cards" walks these.
/// </summary>
internal static class CardSamples
{
    public const string AssessmentId = "A-2026-014";
    public const string Stamp = "7";
    public const string System = "Omsorgssystem";

    public static readonly DateOnly Today = new(2026, 11, 30);

    public static IReadOnlyDictionary<string, Func<Language, JsonObject>> All { get; } = new Dictionary<string, Func<Language, JsonObject>>
    {
        ["welcome"] = l => WelcomeCard.Build(new WelcomeCardModel("Alex Wilber", 2), l),
        ["welcome-on-install"] = l => WelcomeCard.Build(new WelcomeCardModel(null, 0), l),
        ["my-assessments"] = l => MyAssessmentsCard.Build(MyAssessments(), l),
        ["my-assessments-empty"] = l => MyAssessmentsCard.Build(new MyAssessmentsCardModel([]), l),
        ["my-assessments-many"] = l => MyAssessmentsCard.Build(ManyAssessments(page: 1), l),
        ["facts"] = l => FactsCard.Build(Facts(), l),
        ["profile-lowered"] = l => ProfileCard.Build(Profile(new MethodData(l)), l),
        ["events-full-catalogue"] = l => EventsCard.Build(Events(new MethodData(l)), l),
        ["score-ransomware"] = l => ScoreCard.Build(Score(new MethodData(l)), l),
        ["score-unanswered"] = l => ScoreCard.Build(ScoreUnanswered(new MethodData(l)), l),
        ["treatment-high"] = l => TreatmentCard.Build(Treatment(new MethodData(l)), l),
        ["treatment-critical-gap"] = l => TreatmentCard.Build(TreatmentCritical(new MethodData(l)), l),
        ["summary"] = l => SummaryCard.Build(Summary(new MethodData(l)), l),
        ["summary-every-event"] = l => SummaryCard.Build(SummaryOfEveryEvent(new MethodData(l)), l),
        ["summary-shortened"] = l => SummaryCard.Build(SummaryTooLongForTeams(new MethodData(l)), l),
        ["confirmation-saved"] = l => ConfirmationCard.Build(new ConfirmationCardModel(ConfirmationKind.Saved, AssessmentId, System, Today), l),
        ["confirmation-submitted"] = l => ConfirmationCard.Build(new ConfirmationCardModel(ConfirmationKind.Submitted, AssessmentId, System, Today) { HighestBandLabel = "Høj" }, l),
        ["notification-invited"] = l => NotificationCard.Build(new NotificationCardModel("assessment.invited") { AssessmentId = AssessmentId, System = System, Deadline = new DateOnly(2027, 3, 5) }, l),
        ["notification-returned"] = l => NotificationCard.Build(new NotificationCardModel("assessment.returned")
        {
            AssessmentId = AssessmentId,
            System = System,
            Note = Texts("Sandsynligheden for ransomware er sat for lavt; se hændelsesloggen fra 2026.", "The likelihood of ransomware is set too low; see the 2026 incident log.", l),
        }, l),
        ["notification-unknown-template"] = l => NotificationCard.Build(new NotificationCardModel("measure.overdue") { AssessmentId = AssessmentId }, l),
        ["committee-read-only"] = l => CommitteeCard.Build(CommitteeSamples.ReadOnly(new MethodData(l)), l),
        ["committee-actionable"] = l => CommitteeCard.Build(CommitteeSamples.Actionable(new MethodData(l)), l),
        ["committee-missing-recommendation"] = l => CommitteeCard.Build(CommitteeSamples.MissingRecommendation(new MethodData(l)), l),
        ["committee-approved"] = l => CommitteeCard.Build(CommitteeSamples.Approved(new MethodData(l)), l),
        ["committee-returned"] = l => CommitteeCard.Build(CommitteeSamples.Returned(new MethodData(l)), l),
        ["escalation-pending"] = l => EscalationCard.Build(EscalationSamples.Pending(new MethodData(l)), l),
        ["escalation-compliance-gap"] = l => EscalationCard.Build(EscalationSamples.ComplianceGap(new MethodData(l)), l),
        ["escalation-read-only"] = l => EscalationCard.Build(EscalationSamples.ReadOnly(new MethodData(l)), l),
        ["escalation-refused"] = l => EscalationCard.Build(EscalationSamples.Refused(new MethodData(l)), l),
        ["escalation-accepted"] = l => EscalationCard.Build(EscalationSamples.Accepted(new MethodData(l)), l),
        ["escalation-endorsed"] = l => EscalationCard.Build(EscalationSamples.Endorsed(new MethodData(l)), l),
        ["escalation-required"] = l => EscalationCard.Build(EscalationSamples.Required(new MethodData(l)), l),
        ["error"] = l => ErrorCard.Build(new ErrorCardModel(Texts("Kortet er forældet. Åbn vurderingen igen.", "The card is out of date. Open the assessment again.", l))
        {
            Reference = "0HNA1B2C3D",
            Retry = new CardActionData(CardVerbs.Open) { AssessmentId = AssessmentId },
        }, l),
    };

    public static FlowFrame Frame(CardStep step, int position, params CardFieldError[] errors) => new(AssessmentId, System, step, Stamp)
    {
        Position = position,
        Count = 10,
        CanGoBack = position > 1,
        Errors = errors,
    };

    public static MyAssessmentsCardModel MyAssessments() => new(
    [
        new AssessmentListItem(AssessmentId, System, Stamp) { RoundName = "Årlig risikovurdering 2027", Deadline = new DateOnly(2027, 3, 5), Started = true, StepsDone = 4, StepCount = 10 },
        new AssessmentListItem("A-2026-015", "Lønsystem", "1") { RoundName = "Årlig risikovurdering 2027", Deadline = new DateOnly(2027, 3, 5) },
        new AssessmentListItem("A-2026-009", "Sagsbehandlingssystem", "12") { Started = true, Returned = true, StepsDone = 10, StepCount = 10 },
    ]);

    /// <summary>An owner of 30 systems, each open with a long name: the list must page to stay within 28 KB.</summary>
    public static MyAssessmentsCardModel ManyAssessments(int page) => new(
        [.. Enumerable.Range(1, 30).Select(i => new AssessmentListItem($"A-2027-{i:000}", $"Fagsystem nummer {i} med et langt navn fra beredskabsplanen", "3")
        {
            RoundName = "Årlig risikovurdering 2027",
            Deadline = new DateOnly(2027, 3, 5),
            Started = i % 2 == 0,
            StepsDone = i % 10,
            StepCount = 12,
        })],
        page);

    public static SystemFacts HomeCareFacts { get; } = new()
    {
        SystemId = "SYS-OMSORG",
        RecordVersion = 3,
        PersonalData = true,
        HighestDataClass = "sensitive",
        DataSubjectsApprox = 2000,
        LifeOrHealthCritical = true,
        SupportsDecisionsOrPayments = true,
        External = true,
        Cloud = true,
        InternetFacing = true,
        IsProcessor = true,
        HasDataProcessingAgreement = true,
        MtdHours = 4,
        RpoHours = 1.5,
    };

    public static FactsCardModel Facts() => new(Frame(new CardStep(CardStepKind.Facts), 1), HomeCareFacts, Confirmed: false);

    public static ProfileCardModel Profile(MethodData m) => new(
        Frame(new CardStep(CardStepKind.Profile), 2,
            new CardFieldError(CardInputIds.ConfidentialityReason, Texts("Angiv en begrundelse for at gå under forslaget.", "Give a reason for going below the suggestion.", m.Language))),
        new ProfileCardDimension(m.Dimension(Dimension.Confidentiality), Suggested: 4, Saved: null, ReasonRequired: true),
        new ProfileCardDimension(m.Dimension(Dimension.Integrity), Suggested: 4, Saved: 4, ReasonRequired: false),
        m.ConsequenceLevels(),
        ScoredLines: 0,
        new ProfileCardInput(3, null, 4, null));

    /// <summary>The whole default catalogue, baseline events pre-selected, one dropped without its reason, one custom event.</summary>
    public static EventsCardModel Events(MethodData m)
    {
        const string dropped = "TEC-CHANGE";
        var groups = MethodData.Catalogue.Groups.Select(g => new CardEventGroup(g.Id, m.Of(g.Label),
        [
            .. MethodData.Catalogue.Events.Where(e => e.Group == g.Id).Select(e => new CardEventOption(
                m.Event(e),
                e.Baseline ? EventOrigin.Baseline : e.Id == "CYB-TARGETED" ? EventOrigin.Suggested : EventOrigin.AddedByOwner,
                Selected: (e.Baseline || e.Id == "CYB-TARGETED") && e.Id != dropped,
                DeselectionReason: null,
                ReasonRequiredToDeselect: e.Baseline || e.Id == "CYB-TARGETED",
                RequiredByComplianceGap: false,
                Scored: e.Id == "CYB-RANSOM")),
        ])).ToArray();
        var custom = new CardEventOption(
            new CardEvent("CUS-1", Texts("Fejl i medicinmodul efter opdatering", "Error in the medication module after an update", m.Language), string.Empty, null,
                [m.Dimension(Dimension.Integrity)], Custom: true),
            EventOrigin.Custom, Selected: true, null, ReasonRequiredToDeselect: false, RequiredByComplianceGap: false, Scored: false);
        var error = new CardFieldError(CardInputIds.DeselectionReason(dropped), Texts("Skriv hvorfor hændelsen ikke er relevant.", "Say why the event is not relevant.", m.Language));
        return new EventsCardModel(Frame(new CardStep(CardStepKind.Events), 3, error), groups, [custom], m.Dimensions());
    }

    /// <summary>CYB-RANSOM of the worked example: C 4, I 4, A 4 (restore ~5 days), L 2 → 8 Høj.</summary>
    public static ScoreCardModel Score(MethodData m)
    {
        var e = MethodData.Catalogue.Find("CYB-RANSOM")!;
        var a = new CardAvailability([1, 4, 8, 24, 72, 120, 240], 4, 1.5, PeakBumpAllowed: true, PeakBumpMax: 1, PeakReasonRequired: true, HasPeakPeriods: true,
            new CardAvailabilityResult(120, 30, DataLossBeyondRpo: false, PeakBump: 0, m.Consequence(4)));
        var consequence = new CardConsequence(
            [new(m.Dimension(Dimension.Confidentiality), m.Consequence(4)), new(m.Dimension(Dimension.Integrity), m.Consequence(4)), new(m.Dimension(Dimension.Availability), m.Consequence(4))],
            m.Consequence(4), m.Dimension(Dimension.Confidentiality), Override: null, Effective: m.Consequence(4), FlaggedToCommittee: false);
        return new ScoreCardModel(
            Frame(new CardStep(CardStepKind.Score, e.Id), 4), m.Event(e),
            [.. e.Measures.Select((text, i) => new CardMeasureTick(i, m.Of(text), i < 2))],
            m.LikelihoodQuestion, m.LikelihoodLevels(), a, m.ConsequenceLevels(), new CardOverrideRule(true, true, 2),
            consequence, m.Score(2, 4), m.Appetite,
            new ScoreCardInput(2, [0, 1], ExpectedOutageHours: 120));
    }

    /// <summary>TEC-NETWORK before any answer, with the error for the missing likelihood.</summary>
    public static ScoreCardModel ScoreUnanswered(MethodData m)
    {
        var e = MethodData.Catalogue.Find("TEC-NETWORK")!;
        var a = new CardAvailability([1, 4, 8, 24, 72, 120, 240], null, null, PeakBumpAllowed: true, PeakBumpMax: 1, PeakReasonRequired: true, HasPeakPeriods: false, Result: null);
        var error = new CardFieldError(CardInputIds.Likelihood, Texts("Vælg en sandsynlighed.", "Choose a likelihood.", m.Language));
        return new ScoreCardModel(
            Frame(new CardStep(CardStepKind.Score, e.Id), 5, error), m.Event(e),
            [.. e.Measures.Select((text, i) => new CardMeasureTick(i, m.Of(text), false))],
            m.LikelihoodQuestion, m.LikelihoodLevels(), a, m.ConsequenceLevels(), new CardOverrideRule(true, true, 2),
            Consequence: null, Score: null, m.Appetite, new ScoreCardInput(null, []));
    }

    public static TreatmentCardModel Treatment(MethodData m)
    {
        var rule = new CardTreatmentRule(
            [TreatmentKind.Reduce, TreatmentKind.Accept, TreatmentKind.Avoid, TreatmentKind.Share],
            [TreatmentKind.Accept], [TreatmentKind.Reduce], InterimMeasuresRequired: false, LatestDeadline: Today.AddDays(182),
            m.Band("medium"), Texts("Områdechef", "Area manager", m.Language), 12, ComplianceGap: null);
        var measure = new CardMeasureInput("M-1", Texts("Uforanderlig backup", "Immutable backup", m.Language), "it-drift@norddjurs.dk", new DateOnly(2027, 3, 31), 1, 4);
        var error = new CardFieldError(CardInputIds.Measure(0, CardInputIds.MeasureProperty.ResponsibleErrorField), Texts("Vælg en ansvarlig person.", "Choose a responsible person.", m.Language));
        return new TreatmentCardModel(
            Frame(new CardStep(CardStepKind.Treatment, "CYB-RANSOM"), 6, error), m.Event("CYB-RANSOM"), m.Score(2, 4), m.Dimension(Dimension.Confidentiality), m.Appetite, rule,
            [.. MethodData.Catalogue.Find("CYB-RANSOM")!.Measures.Skip(2).Select(m.Of)], m.LikelihoodLevels(2), m.ConsequenceLevels(4),
            Residual: m.Score(1, 4),
            new TreatmentCardInput(TreatmentKind.Reduce, null, [measure], []));
    }

    /// <summary>A Kritisk line with a compliance gap: only reduce or avoid, interim measures required.</summary>
    public static TreatmentCardModel TreatmentCritical(MethodData m)
    {
        var rule = new CardTreatmentRule(
            [TreatmentKind.Reduce, TreatmentKind.Avoid], [], [TreatmentKind.Reduce], InterimMeasuresRequired: true, LatestDeadline: Today.AddDays(91),
            m.Band("medium"), Texts("Direktionen", "Directorate", m.Language), 6,
            ComplianceGap: Texts("Ingen databehandleraftale", "No data processing agreement", m.Language));
        return new TreatmentCardModel(
            Frame(new CardStep(CardStepKind.Treatment, "SUP-PROCESSOR"), 8), m.Event("SUP-PROCESSOR"), m.Score(3, 4), m.Dimension(Dimension.Confidentiality), m.Appetite, rule,
            [], m.LikelihoodLevels(3), m.ConsequenceLevels(4), Residual: null,
            new TreatmentCardInput(null, null, [], [new CardInterimMeasureInput(Texts("Stop overførsel af nye sager", "Stop transferring new cases", m.Language), "leder@norddjurs.dk")]));
    }

    /// <summary>The worked example's three lines (2 Lav, 9 Høj, 8 Høj) with their treatments, and the DPIA flag.</summary>
    public static SummaryCardModel Summary(MethodData m)
    {
        CardSummaryLine[] lines =
        [
            new(m.Event("PHY-POWER"), m.Score(2, 1), TreatmentKind.Accept, 0, m.Score(2, 1), false),
            new(m.Event("TEC-NETWORK"), m.Score(3, 3), TreatmentKind.Reduce, 1, m.Score(1, 3), false),
            new(m.Event("CYB-RANSOM"), m.Score(2, 4), TreatmentKind.Reduce, 3, m.Score(1, 4), false),
        ];
        return SummaryOf(m, lines, canSubmit: true);
    }

    /// <summary>Every catalogue event selected, scored and some not yet treated: the largest summary.</summary>
    public static SummaryCardModel SummaryOfEveryEvent(MethodData m)
    {
        var lines = MethodData.Catalogue.Events.Select((e, i) =>
        {
            var score = m.Score(i % 4 + 1, (i / 4 % 4) + 1);
            return new CardSummaryLine(m.Event(e), score, i % 3 == 0 ? null : TreatmentKind.Reduce, i % 3, m.Score(1, (i / 4 % 4) + 1), OverrideFlagged: i == 7);
        }).ToArray();
        return SummaryOf(m, lines, canSubmit: false);
    }

    /// <summary>Every catalogue event and fifteen custom ones with long names: more than a Teams card holds in full.</summary>
    public static SummaryCardModel SummaryTooLongForTeams(MethodData m)
    {
        var model = SummaryOfEveryEvent(m);
        var custom = Enumerable.Range(1, 15).Select(i => new CardSummaryLine(
            new CardEvent($"CUS-{i}", $"Egen hændelse nummer {i} med et langt navn om leverandørens drift", string.Empty, null, [], Custom: true),
            m.Score(3, 3), TreatmentKind.Reduce, 2, m.Score(1, 3), OverrideFlagged: false)).ToArray();
        CardJumpTarget[] jumps = [.. custom.SelectMany(l => new CardJumpTarget[] { new(new CardStep(CardStepKind.Score, l.Event.Id), l.Event.Name), new(new CardStep(CardStepKind.Treatment, l.Event.Id), l.Event.Name) })];
        return model with { Lines = [.. model.Lines, .. custom], JumpTargets = [.. model.JumpTargets, .. jumps] };
    }

    private static SummaryCardModel SummaryOf(MethodData m, CardSummaryLine[] lines, bool canSubmit)
    {
        CardHeadline Headline(Func<CardSummaryLine, CardScore?> pick)
        {
            var scores = lines.Select(pick).OfType<CardScore>().ToArray();
            var counts = MethodData.Method.Bands.OrderByDescending(b => b.Order)
                .Select(b => new CardBandCount(m.Band(b), scores.Count(s => s.Band.Label == m.Of(b.Label)))).ToArray();
            var highest = MethodData.Method.Bands.OrderByDescending(b => b.Order).FirstOrDefault(b => scores.Any(s => s.Band.Label == m.Of(b.Label)));
            return new CardHeadline(highest is null ? null : m.Band(highest), counts, scores.Count(s => !s.WithinAppetite));
        }

        CardJumpTarget[] jumps =
        [
            new(new CardStep(CardStepKind.Facts)), new(new CardStep(CardStepKind.Profile)), new(new CardStep(CardStepKind.Events)),
            .. lines.SelectMany(l => new CardJumpTarget[] { new(new CardStep(CardStepKind.Score, l.Event.Id), l.Event.Name), new(new CardStep(CardStepKind.Treatment, l.Event.Id), l.Event.Name) }),
        ];
        CardCompletenessIssue[] issues = canSubmit
            ? []
            : [new(Texts("Vælg en behandling for alle risici.", "Choose a treatment for every risk.", m.Language), new CardStep(CardStepKind.Treatment, lines[0].Event.Id))];
        var flags = new AssessmentFlags(ConsiderDpia: true, PriorConsultationMayBeRequired: false, ThirdCountryTransfer: false, [], ProcurementHold: false, CommitteeReviewMandatory: false, []);
        return new SummaryCardModel(
            Frame(new CardStep(CardStepKind.Summary), 10) with { CanGoNext = false },
            [new CardProfileValue(m.Dimension(Dimension.Confidentiality), 4, m.Consequence(4), ProfileSource.Confirmed, null),
             new CardProfileValue(m.Dimension(Dimension.Integrity), 4, m.Consequence(4), ProfileSource.Confirmed, null)],
            lines,
            [new CardDeselectedEvent(m.Event("TEC-CHANGE"), Texts("Leverandøren ændrer kun systemet i aftalte vinduer med test.", "The supplier changes the system only in agreed windows with testing.", m.Language))],
            Headline(l => l.Score), Headline(l => l.Residual), flags, issues, canSubmit, jumps);
    }

    /// <summary>Test data in the sample's language (in production these come from Core's and Workflows' texts).</summary>
    private static string Texts(string danish, string english, Language language) => language == Language.English ? english : danish;
}
