using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.Core.Catalogue;

namespace Norddjurs.TeamsRisk.App.Tests;

public sealed class StartupTests
{
    private sealed class BadMethodSource(string methodJson) : IMethodDataSource
    {
        public byte[] MethodJson() => System.Text.Encoding.UTF8.GetBytes(methodJson);

        public byte[] CatalogueJson() => DefaultCatalogue.Json();
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
