using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Tests.Assessments;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>Endorse, require or accept (design.md §3), by the band's authority or a higher rank only.</summary>
public sealed class EscalationDecisionTests
{
    private const string Director = "00000000-0000-0000-0000-0000000000040";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Assessment Assessment = Submitted.WithHighAndCritical();
    private static readonly IReadOnlyList<Escalation> Escalations =
        AssessmentWorkflow.Approve(Assessment, Submitted.AsCommittee, Given.Method, Submitted.RecommendationsFor(Assessment)).Value;

    private static Escalation Critical => Escalations.Single(e => e.EventId == "CYB-PHISH");

    private static Escalation High => Escalations.Single(e => e.EventId == "CYB-RANSOM");

    private static HashSet<Role> As(params Role[] roles) => [.. roles];

    private static Core.Errors.Result<Escalation> Decide(Escalation e, HashSet<Role> roles, EscalationDecisionInput input) =>
        EscalationDecisions.Decide(e, Assessment.Line(e.EventId)!, Given.Method, roles, Director, Now, input);

    private static EscalationDecisionInput Accept(int months = 3, string? why = "Forretningskritisk indtil udskiftning") =>
        new(EscalationDecisionKind.Accept, why, Today.AddMonths(months), CaseNumber: "26/1234", MinutesReference: "Direktionsmøde 2. marts");

    public static TheoryData<string, Role, bool> Authorities => new()
    {
        { "high", Role.SystemOwner, false },
        { "high", Role.AreaManager, true },
        { "high", Role.Directorate, true },
        { "high", Role.Committee, false },
        { "high", Role.Coordinator, false },
        { "high", Role.Auditor, false },
        { "high", Role.System, false },
        { "critical", Role.AreaManager, false },
        { "critical", Role.Directorate, true },
        { "critical", Role.Committee, false },
    };

    [Theory, MemberData(nameof(Authorities))]
    public void Only_the_bands_authority_or_a_higher_rank_decides(string band, Role role, bool may)
    {
        var escalation = band == "high" ? High : Critical;
        var result = Decide(escalation, As(role), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures));
        Assert.Equal(may, result.IsSuccess);
        Assert.Equal(may, EscalationDecisions.MayDecide(escalation, Given.Method, As(role)));
        if (!may)
        {
            Assert.Equal("escalation.authority_insufficient", result.Errors.Single().Code);
        }
    }

    [Fact]
    public void Endorsing_binds_the_owners_measures_and_records_who_decided_as_what()
    {
        var decided = Decide(High, As(Role.AreaManager, Role.SystemOwner), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures)).Value;
        Assert.Equal(EscalationState.Decided, decided.State);
        Assert.Equal((EscalationDecisionKind.EndorseMeasures, Director, Role.AreaManager, Now), (decided.Decision!.Kind, decided.Decision.DecidedByObjectId, decided.Decision.DecidedAs, decided.Decision.DecidedAt));
    }

    [Fact]
    public void Endorsing_may_shorten_a_deadline_but_never_lengthen_it()
    {
        var measure = Assessment.Line("CYB-RANSOM")!.Treatment!.Measures.Single();
        var shorter = new Dictionary<string, DateOnly> { [measure.Id] = measure.Deadline.AddDays(-30) };
        Assert.Equal(measure.Deadline.AddDays(-30),
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures, ShortenedDeadlines: shorter)).Value.Decision!.ShortenedDeadlines[measure.Id]);

        var longer = new Dictionary<string, DateOnly> { [measure.Id] = measure.Deadline.AddDays(1) };
        Assert.Equal("escalation.deadline_lengthened",
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures, ShortenedDeadlines: longer)).Errors.Single().Code);

        var past = new Dictionary<string, DateOnly> { [measure.Id] = Today.AddDays(-1) };
        Assert.Equal("escalation.deadline_passed",
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures, ShortenedDeadlines: past)).Errors.Single().Code);

        var unknown = new Dictionary<string, DateOnly> { ["nope"] = Today };
        Assert.Equal("escalation.unknown_measure",
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures, ShortenedDeadlines: unknown)).Errors.Single().Code);
    }

    [Fact]
    public void There_is_nothing_to_endorse_when_the_owner_proposed_only_acceptance()
    {
        var acceptedLine = Assessment.Line("CYB-RANSOM")! with { Treatment = new Treatment(Core.Method.TreatmentKind.Accept, "x", [], [], null) };
        var result = EscalationDecisions.Decide(High, acceptedLine, Given.Method, As(Role.AreaManager), Director, Now, new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures));
        Assert.Equal("escalation.nothing_to_endorse", result.Errors.Single().Code);
    }

    [Fact]
    public void Requiring_other_measures_needs_each_with_description_responsible_and_a_future_deadline()
    {
        Assert.Equal("escalation.required_measures_missing",
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.RequireMeasures)).Errors.Single().Code);

        var incomplete = new EscalationDecisionInput(EscalationDecisionKind.RequireMeasures, RequiredMeasures:
            [new RequiredMeasure("Offline backup", Submitted.Owner, Today.AddMonths(2)), new RequiredMeasure(" ", Submitted.Owner, Today.AddMonths(1)), new RequiredMeasure("Test", Submitted.Owner, Today.AddDays(-1))]);
        var errors = Decide(High, As(Role.AreaManager), incomplete).Errors;
        Assert.Equal([("escalation.required_measure_incomplete", "2"), ("escalation.deadline_passed", "3")],
            errors.Select(e => (e.Code, e.Args.Values.Single())).ToList());

        var good = new EscalationDecisionInput(EscalationDecisionKind.RequireMeasures, RequiredMeasures: [new RequiredMeasure("Offline backup", Submitted.Owner, Today.AddMonths(2))]);
        Assert.Equal("Offline backup", Decide(High, As(Role.AreaManager), good).Value.Decision!.RequiredMeasures.Single().Description);
    }

    [Fact]
    public void Accepting_needs_a_justification_and_an_end_date_within_the_bands_maximum()
    {
        Assert.Equal(["escalation.justification_required"], Decide(High, As(Role.AreaManager), Accept(why: " ")).Errors.Select(e => e.Code));
        Assert.Equal(["escalation.acceptance_end_required"],
            Decide(High, As(Role.AreaManager), new EscalationDecisionInput(EscalationDecisionKind.Accept, "Begrundet")).Errors.Select(e => e.Code));
        Assert.Equal(["escalation.acceptance_end_not_future"], Decide(High, As(Role.AreaManager), Accept(months: 0)).Errors.Select(e => e.Code));

        // high: acceptanceMaxMonths 12, so twelve months is the last allowed end date.
        Assert.True(Decide(High, As(Role.AreaManager), Accept(months: 12)).IsSuccess);
        var tooLong = new EscalationDecisionInput(EscalationDecisionKind.Accept, "Begrundet", Today.AddMonths(12).AddDays(1));
        var error = Decide(High, As(Role.AreaManager), tooLong).Errors.Single();
        Assert.Equal(("escalation.acceptance_too_long", "12"), (error.Code, error.Args["months"]));
    }

    [Fact]
    public void An_acceptance_keeps_its_case_number_and_minutes_reference()
    {
        var decision = Decide(High, As(Role.AreaManager), Accept()).Value.Decision!;
        Assert.Equal((Today.AddMonths(3), "26/1234", "Direktionsmøde 2. marts"), (decision.AcceptedUntil, decision.CaseNumber, decision.MinutesReference));
    }

    [Fact]
    public void Kritisk_is_accepted_by_the_directorate_for_at_most_six_months()
    {
        Assert.True(Decide(Critical, As(Role.Directorate), Accept(months: 6)).IsSuccess);
        Assert.Equal("escalation.acceptance_too_long", Decide(Critical, As(Role.Directorate), Accept(months: 7)).Errors.Single().Code);
    }

    [Fact]
    public void Kritisk_cannot_be_accepted_below_the_directorate_even_where_a_method_lets_a_manager_decide_it()
    {
        var rules = new Dictionary<string, Core.Method.BandRule>(Given.Method.BandRules)
        {
            ["critical"] = Given.Method.BandRules["critical"] with { DecisionAuthority = "areaManager" },
        };
        var lenient = Given.Method with { BandRules = rules };
        var line = Assessment.Line("CYB-PHISH")!;
        var accept = EscalationDecisions.Decide(Critical, line, lenient, As(Role.AreaManager), Director, Now, Accept());
        Assert.Equal("escalation.critical_needs_directorate", accept.Errors.Single().Code);
        Assert.True(EscalationDecisions.Decide(Critical, line, lenient, As(Role.AreaManager), Director, Now, new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures)).IsSuccess);
    }

    [Fact]
    public void A_compliance_gap_cannot_be_accepted_by_anyone()
    {
        var gap = Critical with { ComplianceGap = "missingDataProcessingAgreement" };
        var error = Decide(gap, As(Role.Directorate), Accept()).Errors.Single();
        Assert.Equal("escalation.compliance_gap_not_acceptable", error.Code);
        Assert.Contains("missingDataProcessingAgreement", error.Message(Language.Danish), StringComparison.Ordinal);
        Assert.True(Decide(gap, As(Role.Directorate), new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures)).IsSuccess);
    }

    [Fact]
    public void A_decided_escalation_cannot_be_decided_again()
    {
        var decided = Decide(High, As(Role.AreaManager), Accept()).Value;
        Assert.Equal("escalation.already_decided", Decide(decided, As(Role.Directorate), Accept()).Errors.Single().Code);
        Assert.False(EscalationDecisions.MayDecide(decided, Given.Method, As(Role.Directorate)));
    }
}
