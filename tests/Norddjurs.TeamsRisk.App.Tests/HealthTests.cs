using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.App.Tests;

public sealed class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Healthz_answers_200_with_the_method_and_catalogue_in_force()
    {
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
    }
}
