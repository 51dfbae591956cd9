using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Exports;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class SystemReportTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();

    public async Task InitializeAsync() => await _world.SeedAsync(3);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_report_is_a_printable_a4_page_with_danish_dates_the_method_hash_and_every_line()
    {
        var report = Assert.IsType<Outcome<SystemReport>.Done>(await ((IServiceProvider)((Bunit.BunitContext)_world).Services).GetRequiredService<ExportQueries>()
            .SystemReportAsync(TabWorld.As(TabWorld.Committee).Actor, "SYS-0001", RegisterSeed.RoundId, CancellationToken.None)).Value;

        var html = await SystemReportHtml.RenderAsync(report, Language.Danish);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4;", html, StringComparison.Ordinal);
        Assert.Contains("break-before: page", html, StringComparison.Ordinal);
        Assert.Contains(Examples.Method.Sha256, html, StringComparison.Ordinal);
        Assert.Contains($"{Examples.Method.Id} {Examples.Method.Version}", html, StringComparison.Ordinal);
        Assert.Contains("2. marts 2026 kl. 09.00", html, StringComparison.Ordinal);
        Assert.Equal(report.Risks.Count, html.Split("<tr>").Length - 2);
        Assert.Contains("Risikovurdering: System 0001", html, StringComparison.Ordinal);
    }
}
