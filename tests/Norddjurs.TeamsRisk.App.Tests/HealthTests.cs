using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.App.Tests;

public sealed class HealthTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-health", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Healthz_answers_200_with_the_method_and_catalogue_in_force_and_the_store()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "data", "teamsrisk.db")));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var method = DefaultMethod.Load().Value;
        var catalogue = DefaultCatalogue.Load().Value;
        Assert.Equal("ok", (string?)body!["status"]);
        Assert.Equal(method.Id, (string?)body["method"]!["id"]);
        Assert.Equal(method.Version, (string?)body["method"]!["version"]);
        Assert.Equal(method.Sha256, (string?)body["method"]!["sha256"]);
        Assert.Equal(catalogue.Id, (string?)body["catalog"]!["id"]);
        Assert.Equal(catalogue.Version, (string?)body["catalog"]!["version"]);
        Assert.Equal(catalogue.Sha256, (string?)body["catalog"]!["sha256"]);

        // Development approves the shipped version with a marked Development approval; the file was created.
        Assert.Equal("active", (string?)body["method"]!["status"]);
        Assert.StartsWith("Udviklingsmiljø", (string?)body["method"]!["decisionRef"], StringComparison.Ordinal);
        Assert.Equal(2, (int)body["store"]!["schemaVersion"]!); // 0002: dead_at, applied_at
        Assert.True(File.Exists(Path.Combine(_folder, "data", "teamsrisk.db")));
    }
}
