namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>Where the repository's files are when a test runs from bin/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "Norddjurs.TeamsRisk.Cards.Tests");

    public static string Golden => Path.Combine(TestProject, "Golden");

    /// <summary>Installed by scripts/test-setup/20-npm-tools.sh (test.sh runs it).</summary>
    public static string NodeModules => Path.Combine(Root, ".test-tools", "node", "node_modules");

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
