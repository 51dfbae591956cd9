using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>Two app instances writing at once (design.md §2.4): one winner per version, no lost update.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task Parallel_writers_of_one_version_have_exactly_one_winner()
    {
        await CommitOkAsync(Given.Change("k-0", [Given.NewAssessment("a-1")]));
        var seen = (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        var instances = new[] { Store, OpenSecondInstance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(n => Task.Run(() =>
            instances[n % 2].CommitAsync(
                Given.Change($"k-{n + 1}", [DocumentWrite.Update(seen, Given.AssessmentJson("a-1", n))], [Given.Intent($"e-{n}")]),
                Ct))));

        Assert.Single(results.OfType<CommitResult.Committed>());
        Assert.All(results.OfType<CommitResult.Conflict>(), c => Assert.Equal(2, c.Actual));
        Assert.Equal(23, results.OfType<CommitResult.Conflict>().Count());
        Assert.Equal(2, (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        Assert.Single(await PendingEntryIdsAsync());
    }

    [Fact]
    public async Task Writers_that_retry_on_conflict_lose_no_update()
    {
        await CommitOkAsync(Given.Change("k-0", [DocumentWrite.Create(DocumentKinds.Round, "r-1", """{"count":0}""")]));
        var instances = new[] { Store, OpenSecondInstance() };
        const int Writers = 6, IncrementsEach = 10;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var store = instances[w % 2];
            for (var i = 0; i < IncrementsEach; i++)
            {
                CommitResult result;
                do
                {
                    var current = (await store.GetAsync(DocumentKinds.Round, "r-1", Ct))!;
                    var count = JsonNode.Parse(current.Json)!["count"]!.GetValue<int>();
                    result = await store.CommitAsync(Given.Change($"w{w}-i{i}", [DocumentWrite.Update(current, $$"""{"count":{{count + 1}}}""")]), Ct);
                }
                while (result is CommitResult.Conflict);
            }
        })));

        var final = (await Store.GetAsync(DocumentKinds.Round, "r-1", Ct))!;
        Assert.Equal(Writers * IncrementsEach, JsonNode.Parse(final.Json)!["count"]!.GetValue<int>());
        Assert.Equal(1 + (Writers * IncrementsEach), final.Version);
    }

    [Fact]
    public async Task Parallel_writers_of_different_documents_all_succeed()
    {
        var instances = new[] { Store, OpenSecondInstance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(() =>
            instances[n % 2].CommitAsync(Given.CardChange($"k-{n}", Given.NewAssessment($"a-{n:D2}"), $"e-{n}", $"o-{n}", $"conv-{n}"), Ct))));

        Assert.All(results, r => Assert.IsType<CommitResult.Committed>(r));
        Assert.Equal(40, (await Store.QueryAsync(DocumentKinds.Assessment, DocumentQuery.All(pageSize: 100), Ct)).Items.Count);
        Assert.Equal(40, (await PendingEntryIdsAsync()).Count);
        Assert.Equal(40, (await DueMessageIdsAsync()).Count);
    }

    [Fact]
    public async Task Parallel_replays_of_one_key_apply_it_once()
    {
        var instances = new[] { Store, OpenSecondInstance() };

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(n => Task.Run(() =>
            instances[n % 2].CommitAsync(Given.CardChange("conv-1/act-9", Given.NewAssessment("a-1"), "e-1", "o-1"), Ct))));

        Assert.Single(results.OfType<CommitResult.Committed>());
        Assert.True(11 == results.OfType<CommitResult.Replayed>().Count(), string.Join(" | ", results.Select(r => r.ToString())));
        Assert.Equal(["e-1"], await PendingEntryIdsAsync());
    }
}
