using System.Reflection;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>Where the repository's files and the test tools are when a test runs from bin/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>The Teams schemas of <c>@microsoft/app-manifest</c>, installed by scripts/test-setup/20-npm-tools.sh (test.sh runs it).</summary>
    public static string TeamsSchemas =>
        Path.Combine(Root, ".test-tools", "node", "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    /// <summary>The folder of the <c>Azure.Bicep.CommandLine.linux-x64</c> package in the NuGet cache (the csproj writes it in).</summary>
    public static string BicepPackage =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepDirectory").Value
        ?? throw new InvalidOperationException("The Bicep package folder was not recorded at build time.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Norddjurs.TeamsRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Norddjurs.TeamsRisk.sln not found above " + AppContext.BaseDirectory);
    }
}
