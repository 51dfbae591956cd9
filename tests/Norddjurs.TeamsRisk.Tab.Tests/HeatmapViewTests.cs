using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Heatmap;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class HeatmapViewTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private IReadOnlyList<AssessmentRecord> _seeded = [];

    public async Task InitializeAsync() => _seeded = await _world.SeedAsync(20);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Each_cell_counts_the_stored_lines_with_that_likelihood_and_consequence_in_its_band_colour_and_label()
    {
        _world.SignIn(TabWorld.Committee);

        var view = _world.Render<HeatmapView>();

        view.WaitForAssertion(() => Assert.Equal(32, view.FindAll("svg a[data-count]").Count));
        foreach (var cell in view.FindAll("svg[data-kind=current] a[data-count]"))
        {
            var (l, c) = (Int(cell.GetAttribute("data-l")!), Int(cell.GetAttribute("data-c")!));
            var expected = _seeded.SelectMany(r => r.Assessment.Lines).Count(x => x.Score.Likelihood.Value == l && x.Score.Consequence.Value == c);
            Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.GetAttribute("data-count"));
            var band = Examples.Method.Score(Core.Method.Likelihood.Of(l), Core.Method.ConsequenceLevel.Of(c)).Band;
            Assert.Equal(band.Color, cell.QuerySelector("rect")!.GetAttribute("fill"));
            Assert.Contains(band.Label.Da, cell.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{expected} risici", cell.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(_seeded.Sum(r => r.Assessment.Lines.Count), view.FindAll("svg[data-kind=current] a[data-count]").Sum(a => Int(a.GetAttribute("data-count")!)));
        Assert.Equal("Nuværende risiko", view.Find("#heatmap-current-title").TextContent);
        Assert.Equal(64, view.FindAll("svg a text").Count);
    }

    [Fact]
    public void After_planned_measures_above_appetite_lines_move_to_likelihood_1()
    {
        _world.SignIn(TabWorld.Auditor);

        var view = _world.Render<HeatmapView>(p => p.Add(v => v.Language, Language.English));

        view.WaitForAssertion(() => Assert.Equal(16, view.FindAll("svg[data-kind=residual] a[data-count]").Count));
        var residualAboveAppetite = view.FindAll("svg[data-kind=residual] a[data-count]")
            .Where(a => a.GetAttribute("data-band") is "high" or "critical")
            .Sum(a => Int(a.GetAttribute("data-count")!));
        Assert.Equal(_seeded.SelectMany(r => r.Assessment.Lines).Count(x => !x.Residual.WithinAppetite), residualAboveAppetite);
        Assert.Equal("Expected risk after planned measures", view.Find("#heatmap-residual-title").TextContent);
        Assert.Contains("Likelihood 4 Very likely, consequence 4 Very serious: 16 points, Critical", view.Find("svg[data-kind=residual] a[data-l='4'][data-c='4'] title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_cell_lists_its_risks_under_the_matrix_with_links_to_the_register()
    {
        _world.SignIn(TabWorld.Coordinator);
        var expected = _seeded.Where(r => r.Assessment.Lines.Any(x => x.Score.Likelihood.Value == 4 && x.Score.Consequence.Value == 4)).Select(r => r.SystemId).ToList();

        var view = _world.Render<HeatmapView>(p => p.Add(v => v.Selection, (4, 4, "current")));

        view.WaitForAssertion(() => Assert.NotNull(view.Find("#heatmap-risks")));
        var links = view.FindAll(".tr-cell-risks a");
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Contains(a.GetAttribute("href")!["/tab/register?system=".Length..], expected));
        Assert.Equal("4", view.Find("svg[data-kind=current] rect[stroke-width='4']").ParentElement!.GetAttribute("data-l"));
    }

    [Fact]
    public void An_owner_sees_no_matrix()
    {
        _world.SignIn(TabWorld.Owner);

        var view = _world.Render<HeatmapView>();

        view.WaitForAssertion(() => Assert.NotNull(view.Find(".tr-refused")));
        Assert.Empty(view.FindAll("svg"));
    }
}
