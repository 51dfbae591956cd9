namespace Norddjurs.TeamsRisk.Architecture.Tests;

/// <summary>Finds the repository from the test's output folder, so rules can read sources and project files.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> SourceProjects() =>
        Directory.GetDirectories(Path.Combine(Root, "src"), "Norddjurs.TeamsRisk.*")
            .Where(d => Directory.GetFiles(d, "*.csproj").Length > 0)
            .Select(d => Path.GetFileName(d)["Norddjurs.TeamsRisk.".Length..]);

    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Norddjurs.TeamsRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Norddjurs.TeamsRisk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
