using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.Core.Catalogue;

namespace Norddjurs.TeamsRisk.App.Tests;

public sealed class StartupTests
{
    private sealed class BadMethodSource(string methodJson, string? catalogueJson = null) : IMethodDataSource
    {
        public byte[] MethodJson() => System.Text.Encoding.UTF8.GetBytes(methodJson);

        public byte[] CatalogueJson() => catalogueJson is null ? DefaultCatalogue.Json() : System.Text.Encoding.UTF8.GetBytes(catalogueJson);
    }

    [Fact]
    public void The_app_refuses_to_start_when_the_catalogue_is_not_the_one_the_method_names()
    {
        var method = System.Text.Encoding.UTF8.GetString(Core.Method.DefaultMethod.Json());
        var catalogue = System.Text.Encoding.UTF8.GetString(DefaultCatalogue.Json());
        var other = catalogue.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal);
        Assert.NotEqual(catalogue, other);
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IMethodDataSource>(new BadMethodSource(method, other))));

        var error = Assert.Throws<InvalidMethodDataException>(() => factory.CreateClient());
        Assert.Contains(error.Problems, p => p.Contains("$.eventCatalog", StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_refuses_to_start_with_an_invalid_method_and_lists_every_problem()
    {
        var json = System.Text.Encoding.UTF8.GetString(Core.Method.DefaultMethod.Json())
            .Replace("\"color\": \"#107C10\"", "\"color\": \"green\"", StringComparison.Ordinal)
            .Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"surprise\": true,", StringComparison.Ordinal);
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IMethodDataSource>(new BadMethodSource(json))));

        var error = Assert.Throws<InvalidMethodDataException>(() => factory.CreateClient());
        Assert.Contains(error.Problems, p => p.Contains("$.bands[0].color", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("$.surprise", StringComparison.Ordinal));
    }
}
