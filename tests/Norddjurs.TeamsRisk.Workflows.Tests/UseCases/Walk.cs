using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>The steps every scenario shares, through the use cases only.</summary>
internal static class Walk
{
    public const string Power = "PHY-POWER";
    public const string Network = "TEC-NETWORK";
    public const string Ransomware = "CYB-RANSOM";

    public static async Task ImportAsync(World world) =>
        Assert.IsType<Outcome<ImportOutcome>.Done>(await new ImportSystems(world.Services).ApplyAsync(world.As(World.Coordinator), World.Plans(), "plans.csv", World.Ct));

    /// <summary>Imported and a round started; the home-care assessment's id.</summary>
    public static async Task<string> InvitedAsync(World world)
    {
        await ImportAsync(world);
        var round = await new StartRound(world.Services).HandleAsync(world.As(World.Coordinator), new RoundInput("Runde 2026", world.Today.AddDays(30)), World.Ct);
        return Assert.IsType<Outcome<RoundStarted>.Done>(round).Value.AssessmentIds.Single(id => id.EndsWith(":" + World.HomeCare, StringComparison.Ordinal));
    }

    public static async Task StepAsync(World world, string assessmentId, StepInput input)
    {
        var outcome = await new SaveStep(world.Services).HandleAsync(world.As(World.Owner), assessmentId, input, World.Ct);
        Assert.True(outcome.IsDone, outcome.ToString());
    }

    /// <summary>Opened and walked to the summary: power accepted, network and ransomware (Høj) reduced with measures.</summary>
    public static async Task<string> AtSummaryAsync(World world)
    {
        var id = await InvitedAsync(world);
        Assert.True((await new OpenAssessment(world.Services).HandleAsync(world.As(World.Owner), id, World.Ct)).IsDone);
        await StepAsync(world, id, ((FactsStepView)await world.ViewAsync(id)).Input);
        await StepAsync(world, id, ((ProfileStepView)await world.ViewAsync(id)).Input);
        var events = (await world.AssessmentAsync(id)).Assessment.Events;
        string[] keep = [Power, Network, Ransomware];
        await StepAsync(world, id, new EventsStepInput(keep, events.Where(e => !keep.Contains(e.EventId)).ToDictionary(e => e.EventId, _ => "Dækkes af en anden vurdering")));
        await StepAsync(world, id, new ScoreStepInput(Power, 2, ExpectedOutageHours: 1));
        await StepAsync(world, id, new ScoreStepInput(Network, 3, ExpectedOutageHours: 6));
        await StepAsync(world, id, new ScoreStepInput(Ransomware, 2, ExpectedOutageHours: 120));
        await StepAsync(world, id, new TreatmentStepInput(Power, TreatmentKind.Accept, "UPS dækker"));
        await StepAsync(world, id, new TreatmentStepInput(Network, TreatmentKind.Reduce, "Reduceres", [Measure(world, "net", "Ekstra internetlinje")]));
        await StepAsync(world, id, new TreatmentStepInput(Ransomware, TreatmentKind.Reduce, "Reduceres", [Measure(world, "backup", "Uforanderlig backup")]));
        return id;
    }

    public static async Task<string> SubmittedAsync(World world)
    {
        var id = await AtSummaryAsync(world);
        Assert.True((await new SubmitAssessment(world.Services).HandleAsync(world.As(World.Owner), id, World.Ct)).IsDone);
        return id;
    }

    public static IReadOnlyDictionary<string, string> Recommendations(AssessmentRecord record) =>
        record.Assessment.Lines.Where(l => !l.Score.WithinAppetite).ToDictionary(l => l.EventId, l => "Udvalget anbefaler foranstaltningerne for " + l.EventId);

    private static MeasureStepInput Measure(World world, string id, string description) =>
        new(id, description, World.Owner, world.Today.AddMonths(3), 1, 2);
}
