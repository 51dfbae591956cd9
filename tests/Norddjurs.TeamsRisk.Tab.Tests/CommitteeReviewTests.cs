using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Tab.Review;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Tab.Tests;

/// <summary>The review on 10 seeded systems: SYS-0000 is Submitted (every tenth), the rest Approved.</summary>
public sealed class CommitteeReviewTests : IAsyncLifetime, IDisposable
{
    private const string Waiting = "runde-2026:SYS-0000";
    private readonly TabWorld _world = new();

    public async Task InitializeAsync() => await _world.SeedAsync(10);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Approving_without_a_recommendation_names_each_missing_line_in_danish_and_changes_nothing()
    {
        _world.SignIn(TabWorld.Committee);
        var view = _world.Render<CommitteeReview>();
        view.WaitForAssertion(() => Assert.Single(view.FindAll("article.tr-submission")));
        var lines = view.FindAll("article textarea[required]").Count;
        Assert.True(lines > 0);

        await view.InvokeAsync(() => view.FindAll("fluent-button, button").First(b => b.TextContent.Contains("Godkend", StringComparison.Ordinal)).Click());

        var alert = view.Find("article [role=alert]");
        Assert.Equal(lines, alert.QuerySelectorAll("li").Length);
        Assert.All(alert.QuerySelectorAll("li"), li => Assert.StartsWith("Skriv udvalgets indstilling for ", li.TextContent, StringComparison.Ordinal));
        Assert.Equal(AssessmentState.Submitted, await StateAsync());
    }

    [Fact]
    public async Task Returning_without_a_comment_asks_for_one_in_english()
    {
        _world.SignIn(TabWorld.Committee);
        var view = _world.Render<CommitteeReview>(p => p.Add(v => v.Language, Language.English));
        view.WaitForAssertion(() => Assert.Single(view.FindAll("article.tr-submission")));

        await view.InvokeAsync(() => view.FindAll("fluent-button, button").First(b => b.TextContent.Trim() == "Return").Click());

        Assert.Equal("Write a comment to the owner before returning the assessment.", view.Find("article [role=alert] li").TextContent);
        Assert.Equal(AssessmentState.Submitted, await StateAsync());
    }

    [Fact]
    public async Task With_every_recommendation_written_the_committee_approves_and_the_lines_are_escalated()
    {
        _world.SignIn(TabWorld.Committee);
        var view = _world.Render<CommitteeReview>();
        view.WaitForAssertion(() => Assert.Single(view.FindAll("article.tr-submission")));

        // Found again each time: a change re-renders, and the old element's handler is gone.
        for (var i = 0; i < view.FindAll("article textarea[required]").Count; i++)
        {
            await view.InvokeAsync(() => view.FindAll("article textarea[required]")[i].Change("Udvalget anbefaler foranstaltningen"));
        }

        await view.InvokeAsync(() => view.FindAll("fluent-button, button").First(b => b.TextContent.Contains("Godkend", StringComparison.Ordinal)).Click());

        view.WaitForAssertion(() => Assert.Equal("Vurderingen er godkendt.", view.Find("[role=status].tr-notice").TextContent));
        Assert.Equal(AssessmentState.Escalated, await StateAsync());
        Assert.Empty(view.FindAll("article.tr-submission"));
        Assert.NotEmpty(view.FindAll(".tr-review tbody tr"));
    }

    [Fact]
    public async Task The_auditor_reads_the_queue_but_has_no_approve_or_return()
    {
        _world.SignIn(TabWorld.Auditor);

        var view = _world.Render<CommitteeReview>();

        view.WaitForAssertion(() => Assert.Single(view.FindAll("article.tr-submission")));
        Assert.Empty(view.FindAll("textarea"));
        Assert.DoesNotContain(view.FindAll("fluent-button, button"), b => b.TextContent.Contains("Godkend", StringComparison.Ordinal));
        Assert.Equal("Kun udvalgets medlemmer kan godkende eller sende retur.", view.Find("article .tr-muted").TextContent);
        Assert.Equal(AssessmentState.Submitted, await StateAsync());
    }

    private async Task<AssessmentState> StateAsync() =>
        (await _world.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, Waiting, CancellationToken.None))!.Value.State;
}
