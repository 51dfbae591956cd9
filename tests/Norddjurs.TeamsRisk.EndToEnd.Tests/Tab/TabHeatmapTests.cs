using System.Globalization;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The heat map's counts match the store (issue 9 item 6): after Alex submits (one event above the appetite), Karen
/// Holm opens <c>/tab/heatmap</c>; every cell's count, current and residual, equals the count of stored lines in that
/// cell, computed here from the API's assessments. A non-empty cell lists exactly its risks.
/// </summary>
public sealed class TabHeatmapTests(ITestOutputHelper log)
{
    private const string System = "Lokalebooking (demo)";

    [Fact]
    public async Task Every_heatmap_cell_counts_the_stored_lines_and_a_cell_lists_its_risks()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        try
        {
            await TabSubmission.SubmitAsync(browser, app, System, highEvents: 1, log);
            var lines = await StoredLines.ReadAsync(new DevApi(app.CreateClient()));
            Assert.NotEmpty(lines);

            await TabBrowser.SignInAsync(page, "Karen Holm", "tab/heatmap");
            foreach (var (kind, scoreOf) in new (string, Func<StoredLine, StoredScore>)[] { ("current", l => l.Current), ("residual", l => l.Residual) })
            {
                var shown = await CellsAsync(page, kind);
                foreach (var ((l, c), (count, band)) in shown)
                {
                    var stored = lines.Where(x => scoreOf(x).Likelihood == l && scoreOf(x).Consequence == c).ToList();
                    Assert.True(stored.Count == count, $"{kind} cell L{l} C{c}: shown {count}, stored {stored.Count}");
                    Assert.All(stored, x => Assert.Equal(band, scoreOf(x).Band));
                }

                Assert.Equal(lines.Count, shown.Values.Sum(v => v.Count));
            }

            // The above-appetite line's cell: a click lists its risks, one item per stored line there.
            var high = lines.MaxBy(l => l.Current.Points)!.Current;
            var inCell = lines.Where(l => l.Current.Likelihood == high.Likelihood && l.Current.Consequence == high.Consequence).ToList();
            await page.Locator($"svg[data-kind=current] a[data-l='{high.Likelihood}'][data-c='{high.Consequence}']").ClickAsync();
            var items = page.Locator("#heatmap-risks ul.tr-cell-risks li");
            await items.First.WaitForAsync();
            Assert.Equal(inCell.Count, await items.CountAsync());
            var listed = string.Join('\n', await items.AllInnerTextsAsync());
            Assert.All(inCell, l => Assert.Contains($"{l.SystemName} — {l.EventId} ({l.Current.Points})", listed, StringComparison.Ordinal));
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    private static async Task<Dictionary<(int L, int C), (int Count, string Band)>> CellsAsync(IPage page, string kind)
    {
        var cells = new Dictionary<(int, int), (int, string)>();
        foreach (var cell in await page.Locator($"svg[data-kind={kind}] a[data-l]").AllAsync())
        {
            var l = int.Parse((await cell.GetAttributeAsync("data-l"))!, CultureInfo.InvariantCulture);
            var c = int.Parse((await cell.GetAttributeAsync("data-c"))!, CultureInfo.InvariantCulture);
            var count = int.Parse((await cell.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);
            cells.Add((l, c), (count, (await cell.GetAttributeAsync("data-band"))!));
        }

        return cells;
    }
}
