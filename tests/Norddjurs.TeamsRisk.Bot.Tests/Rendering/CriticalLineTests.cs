using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>A Kritisk line needs interim measures (risk-method.md §3.4): they go onto the card and come back unchanged.</summary>
public sealed class CriticalLineTests
{
    [Fact]
    public async Task Interim_measures_make_the_round_trip_with_their_responsible_people()
    {
        var flow = HomeCare.Flow();
        var directory = HomeCare.Directory();
        var state = HomeCare.AtEvents(flow);
        state = flow.Next(state, HomeCare.Keep(state, HomeCare.Ransomware));
        state = flow.Next(state, new ScoreStepInput(HomeCare.Ransomware, 4, ExpectedOutageHours: 120));
        var rule = Assert.IsType<TreatmentStepView>(flow.View(state, HomeCare.Today)).Rule;
        Assert.True(rule.InterimMeasuresRequired);

        state = flow.Next(state, new TreatmentStepInput(HomeCare.Ransomware, TreatmentKind.Reduce, "Kritisk: tiltag straks",
            [new MeasureStepInput(null, "Uforanderlig backup", HomeCare.BoId, rule.LatestDeadline, 1, 4)],
            [new Core.Assessments.InterimMeasureInput("Daglig kontrol af backup", HomeCare.AnneId)]));
        var view = HomeCare.ViewAt(flow, state, FlowStep.Treatment(HomeCare.Ransomware));
        var card = await new StepCardRenderer(directory).RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

        var read = await new StepInputReader(directory).ReadAsync(view, card, CardVerbs.Next);

        Assert.Empty(read.Errors);
        SameInput.Assert(((TreatmentStepView)view).Input, read.Input);
        Assert.Equal(HomeCare.AnneId, Assert.Single(((TreatmentStepInput)read.Input).InterimMeasures!).ResponsibleObjectId);
    }
}
