namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>Files of the repository the tests run from: found by walking up from the test binaries to the solution.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Playground config a developer uses with <c>dotnet run</c>; the tests use the same file.</summary>
    public static string PlaygroundConfig => Path.Combine(Root, ".m365agentsplayground.yml");

    /// <summary>The pinned Playground that <c>scripts/test-setup/30-playground.sh</c> installs.</summary>
    public static string PlaygroundCli =>
        Path.Combine(Root, ".test-tools", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Norddjurs.TeamsRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Norddjurs.TeamsRisk.sln above {AppContext.BaseDirectory}.");
    }
}
