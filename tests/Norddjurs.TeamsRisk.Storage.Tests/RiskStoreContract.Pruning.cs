using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §2.2 within a retention: applied-change records older than it go, newer ones keep answering replays.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task Pruning_forgets_applied_changes_older_than_the_cutoff_and_keeps_the_newer()
    {
        await CommitOkAsync(Given.Change("k-old", [Given.NewAssessment("a-1")], result: """{"n":1}"""));
        Clock.Advance(TimeSpan.FromDays(10));
        var cutoff = Clock.GetUtcNow();
        await CommitOkAsync(Given.Change("k-new", [Given.NewAssessment("a-2")], result: """{"n":2}"""));
        Clock.Advance(TimeSpan.FromDays(25));

        var pruned = await Store.PruneAppliedChangesAsync(cutoff, 100, Ct);

        Assert.Equal(1, pruned);
        Assert.Null(await Store.FindAppliedChangeAsync("k-old", Ct));
        Assert.Equal("""{"n":2}""", (await Store.FindAppliedChangeAsync("k-new", Ct))!.ResultJson);
        Assert.NotNull(await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));
    }

    [Fact]
    public async Task A_replay_within_the_retention_still_answers_as_the_first_time_after_a_prune()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1")], result: """{"first":true}"""));
        Clock.Advance(TimeSpan.FromDays(29));

        await Store.PruneAppliedChangesAsync(Clock.GetUtcNow() - TimeSpan.FromDays(30), 100, Ct);
        var replay = await Store.CommitAsync(Given.Change("k-1", [Given.NewAssessment("a-1")], result: """{"first":false}"""), Ct);

        Assert.Equal("""{"first":true}""", Assert.IsType<CommitResult.Replayed>(replay).ResultJson);
    }

    [Fact]
    public async Task Pruning_goes_oldest_first_and_at_most_the_given_number_at_a_time()
    {
        foreach (var n in Enumerable.Range(1, 5))
        {
            await CommitOkAsync(Given.Change($"k-{n}", result: $$"""{"n":{{n}}}"""));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Store.PruneAppliedChangesAsync(Clock.GetUtcNow(), 2, Ct);
        var kept = await Task.WhenAll(Enumerable.Range(1, 5).Select(n => Store.FindAppliedChangeAsync($"k-{n}", Ct)));
        var rest = await Store.PruneAppliedChangesAsync(Clock.GetUtcNow(), 100, Ct);

        Assert.Equal(2, first);
        Assert.Equal([false, false, true, true, true], kept.Select(k => k is not null));
        Assert.Equal(3, rest);
    }
}
