using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Register;
using Norddjurs.TeamsRisk.Testing.Register;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class SystemHistoryViewTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private string _system = string.Empty;

    public async Task InitializeAsync() => _system = (await _world.SeedAsync(3))[0].SystemId;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Each_rounds_row_links_to_its_printable_report_named_by_the_round()
    {
        _world.SignIn(TabWorld.Auditor);

        var view = _world.Render<SystemHistoryView>(p => p.Add(v => v.SystemId, _system));

        view.WaitForAssertion(() => Assert.Single(view.FindAll("a[href*='/report?round=']")));
        var link = view.Find("a[href*='/report?round=']");
        Assert.Equal($"api/exports/systems/{Uri.EscapeDataString(_system)}/report?round={RegisterSeed.RoundId}", link.GetAttribute("href"));
        Assert.Equal($"Udskrivbar rapport for runden {RegisterSeed.RoundId}", link.TextContent);
        Assert.Contains("Rapport", view.FindAll("th").Select(th => th.TextContent));
    }

    [Fact]
    public void In_English_the_link_says_printable_report()
    {
        _world.SignIn(TabWorld.Auditor);

        var view = _world.Render<SystemHistoryView>(p => p.Add(v => v.SystemId, _system).Add(v => v.Language, Language.English));

        view.WaitForAssertion(() => Assert.Equal($"Printable report for round {RegisterSeed.RoundId}", view.Find("a[href*='/report?round=']").TextContent));
    }
}
