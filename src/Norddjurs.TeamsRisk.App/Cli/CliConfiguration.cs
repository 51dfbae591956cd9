using System.Reflection;

namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>
/// Configuration for a command that runs without the web host, in the host's order: appsettings.json,
/// appsettings.{Environment}.json, user secrets in Development, environment variables, then <c>Key=Value</c> arguments.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(IEnumerable<string> overrides)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (environment == Environments.Development)
        {
            builder.AddUserSecrets(Assembly.GetExecutingAssembly(), optional: true);
        }

        return builder
            .AddEnvironmentVariables()
            .AddCommandLine([.. overrides])
            .Build();
    }
}
