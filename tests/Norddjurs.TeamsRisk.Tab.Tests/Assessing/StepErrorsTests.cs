using Bunit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class StepErrorsTests : TabTest
{
    [Fact]
    public void Nothing_is_shown_when_the_step_was_accepted()
    {
        var cut = Context.Render<StepErrors>(p => p.Add(e => e.Errors, []));

        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void The_notice_and_every_error_are_announced_together()
    {
        var error = new FlowError(FlowFields.Likelihood, DomainError.Of(FlowErrorCodes.LikelihoodRequired), "Vælg en sandsynlighed.");

        var cut = Context.Render<StepErrors>(p => p.Add(e => e.Errors, [error]).Add(e => e.Notice, "Vurderingen er ændret et andet sted."));

        var items = cut.Find("[role=alert]").QuerySelectorAll("li").Select(li => li.TextContent).ToArray();
        Assert.Equal(["Vurderingen er ændret et andet sted.", "Vælg en sandsynlighed."], items);
    }
}
