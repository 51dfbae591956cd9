using System.Reflection;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.Architecture.Tests;

/// <summary>The dependency table of style-examples.md §2, asserted on the compiled assemblies.</summary>
public sealed partial class DependencyRulesTests
{
    private const string Prefix = "Norddjurs.TeamsRisk.";

    /// <summary>Which of our projects each project may reference. A project added later gets a row here.</summary>
    public static TheoryData<string, string[]> Rules => new()
    {
        { "Core", [] },
        { "Workflows", ["Core"] },
        { "Sqlite", ["Core", "Workflows"] },
        { "Graph", ["Core", "Workflows"] },
        { "Cards", ["Core"] },
        { "BotProtocol", [] },
        { "Bot", ["Core", "Workflows", "Cards", "BotProtocol"] },
        { "Tab", ["Core", "Workflows"] },
        { "App", ["Core", "Workflows", "Cards", "BotProtocol", "Bot", "Sqlite", "Graph", "Tab"] },
    };

    /// <summary>Third-party or framework families each project must not reference (adapters never reach each other).</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { "Core", ["Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota", "Azure"] },
        { "Workflows", ["Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota", "Azure", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.DependencyInjection"] },
        { "Sqlite", ["Microsoft.AspNetCore", "Microsoft.Graph", "Microsoft.Kiota", "Azure"] },
        { "Graph", ["Microsoft.AspNetCore", "Microsoft.Data.Sqlite"] },
        { "Cards", ["Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota", "Azure", "Microsoft.Extensions"] },
        { "BotProtocol", ["Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota"] },
        { "Bot", ["Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota"] },
        { "Tab", ["Microsoft.Data.Sqlite", "Microsoft.Graph", "Microsoft.Kiota", "Azure"] },
    };

    [Theory, MemberData(nameof(Rules))]
    public void Project_references_only_what_the_rules_allow(string project, string[] allowed) =>
        Assert.Empty(Ours(Load(project).GetReferencedAssemblies()).Except(allowed));

    [Theory, MemberData(nameof(Forbidden))]
    public void Project_references_no_forbidden_framework_or_adapter(string project, string[] forbidden)
    {
        var names = Load(project).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(names, name => forbidden.Any(f => name == f || name.StartsWith(f + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Core_references_the_BCL_only()
    {
        var outside = Load("Core").GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal)));
        Assert.Empty(outside);
        Assert.DoesNotContain("PackageReference", File.ReadAllText(Path.Combine(Repo.Root, "src", Prefix + "Core", Prefix + "Core.csproj")), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_references_App()
    {
        foreach (var project in Repo.SourceProjects().Where(p => p != "App"))
        {
            Assert.DoesNotContain("App", Ours(Load(project).GetReferencedAssemblies()));
        }
    }

    [Fact]
    public void Every_source_project_has_a_rule_and_a_README()
    {
        var ruled = Rules.Select(r => (string)r[0]).ToHashSet();
        foreach (var project in Repo.SourceProjects())
        {
            Assert.Contains(project, ruled);
            Assert.True(File.Exists(Path.Combine(Repo.Root, "src", Prefix + project, "README.md")), $"{project} has no README.md");
        }
    }

    [Fact]
    public void Source_never_reads_the_system_clock()
    {
        var offenders = Repo.SourceFiles().Where(f => SystemClock().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName);
        Assert.Empty(offenders);
    }

    private static Assembly Load(string project) => Assembly.Load(Prefix + project);

    private static IEnumerable<string> Ours(IEnumerable<AssemblyName> references) =>
        references.Select(r => r.Name!).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]);

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();
}
