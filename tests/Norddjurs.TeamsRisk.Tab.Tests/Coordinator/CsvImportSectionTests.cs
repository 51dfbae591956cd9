using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Tab.Coordinator;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>The coordinator's CSV import on the real use case and store: preview, the bad row named, apply.</summary>
public sealed class CsvImportSectionTests : IDisposable
{
    private const string Header = "systemId;name;status;systemOwner;department";
    private readonly TabWorld _world = new();

    public void Dispose() => _world.Dispose();

    public static string Csv(params string[] rows) => string.Join("\r\n", [Header, .. rows]) + "\r\n";

    [Fact]
    public async Task A_file_with_a_bad_row_names_the_row_in_danish_and_imports_nothing()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<CsvImportSection>();

        Choose(view, Csv("SYS-1;Omsorgssystem;aktiv;anne@norddjurs.dk;Sundhed", "SYS-2;Lønsystem;ukendt-status;bo@norddjurs.dk;Økonomi"));

        view.WaitForAssertion(() => Assert.Contains("Intet er importeret.", view.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.StartsWith("Linje 3, kolonne status: ", view.Find("[role=alert] li").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("fluent-button"));
        Assert.Null(await SystemAsync("SYS-1"));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_applied()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<CsvImportSection>();

        Choose(view, Csv("SYS-1;Omsorgssystem;aktiv;anne@norddjurs.dk;Sundhed"));

        view.WaitForAssertion(() => Assert.Equal("Forhåndsvisning: 1 nye, 0 ændrede, 0 uændrede systemer.", view.Find("[role=status]").TextContent.Trim()));
        Assert.Equal(["SYS-1", "Omsorgssystem", "Nyt"], view.FindAll("tbody td").Select(td => td.TextContent));
        Assert.Null(await SystemAsync("SYS-1"));

        await view.InvokeAsync(() => view.Find("fluent-button").Click());

        view.WaitForAssertion(() => Assert.Equal("Importen er gennemført: 1 systemer er gemt.", view.Find("[role=status]").TextContent.Trim()));
        Assert.NotNull(await SystemAsync("SYS-1"));
    }

    [Fact]
    public void The_preview_reads_in_english()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<CsvImportSection>(p => p.Add(v => v.Language, Language.English));
        Assert.Equal("CSV file", view.Find("label[for=import-file]").TextContent);

        Choose(view, Csv("SYS-1;Omsorgssystem;aktiv;anne@norddjurs.dk;Sundhed"));

        view.WaitForAssertion(() => Assert.Equal("Preview: 1 new, 0 changed, 0 unchanged systems.", view.Find("[role=status]").TextContent.Trim()));
        Assert.Equal("Apply", view.Find("fluent-button").TextContent.Trim());
    }

    [Fact]
    public async Task An_owner_is_refused_by_the_use_case()
    {
        _world.SignIn(TabWorld.Owner);
        var view = _world.Render<CsvImportSection>();

        Choose(view, Csv("SYS-1;Omsorgssystem;aktiv;anne@norddjurs.dk;Sundhed"));

        view.WaitForAssertion(() => Assert.Equal("Kun risikokoordinatoren kan gøre dette.", view.Find("[role=alert]").TextContent));
        Assert.Null(await SystemAsync("SYS-1"));
    }

    private static void Choose(IRenderedComponent<CsvImportSection> view, string csv) =>
        view.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "planer.csv", contentType: "text/csv"));

    private Task<Loaded<CriticalSystem>?> SystemAsync(string systemId) =>
        _world.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), CancellationToken.None);
}
