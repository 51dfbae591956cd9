using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Reach;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Users;
using Norddjurs.TeamsRisk.Workflows.Reach;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Reach;

/// <summary>Installing the app for a person through Graph (graph-sharepoint.md §8.5) against the emulator.</summary>
public sealed class TeamsAppInstallerTests
{
    private const string Owner = "0a6f3c1e-2b4d-4f8a-9e1c-3d5b7f9a1c01";
    private const string CatalogId = "5c7e9a1b-3d5f-4b7d-9f1b-3d5f7b9d1f30";

    private readonly Emulator _emulator = new();
    private readonly Microsoft.Graph.GraphServiceClient _graph;

    public TeamsAppInstallerTests()
    {
        _emulator.SeedUser(new UserState(Owner, "alex.wilber@norddjurs.dk", "Alex Wilber"));
        _graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));
    }

    private TeamsAppInstaller Installer(string? catalogId = CatalogId) => new(_graph, new TeamsAppInstallOptions { AppCatalogId = catalogId });

    [Fact]
    public async Task The_app_is_installed_for_the_person_and_the_1to1_chat_is_read()
    {
        _emulator.SeedTeamsApp(new TeamsAppState(CatalogId, "manifest-id", "TeamsRisk"));

        var result = await Installer().InstallForAsync(Owner, CancellationToken.None);

        var installed = Assert.IsType<AppInstallResult.Installed>(result);
        Assert.Equal($"19:{Owner}_{CatalogId}@unq.gbl.spaces", installed.ChatId);
    }

    [Fact]
    public async Task Already_installed_answers_409_and_counts_as_installed()
    {
        _emulator.SeedTeamsApp(new TeamsAppState(CatalogId, "manifest-id", "TeamsRisk"));
        await Installer().InstallForAsync(Owner, CancellationToken.None);

        var again = await Installer().InstallForAsync(Owner, CancellationToken.None);

        Assert.NotNull(Assert.IsType<AppInstallResult.Installed>(again).ChatId);
        Assert.Contains(_emulator.RequestLog, r => r.Status == 409);
    }

    [Fact]
    public async Task An_app_missing_from_the_catalogue_cannot_be_installed()
    {
        var result = await Installer().InstallForAsync(Owner, CancellationToken.None);

        Assert.Contains("catalogue", Assert.IsType<AppInstallResult.Impossible>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Teams_AppCatalogId_nothing_is_asked_of_Graph()
    {
        var result = await Installer(catalogId: null).InstallForAsync(Owner, CancellationToken.None);

        Assert.Contains("Teams:AppCatalogId", Assert.IsType<AppInstallResult.Impossible>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(_emulator.RequestLog);
    }
}
