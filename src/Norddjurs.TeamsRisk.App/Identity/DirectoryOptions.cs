using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Graph.Connection;

namespace Norddjurs.TeamsRisk.App.Identity;

/// <summary><c>Directory:*</c> (design.md §10): which directory answers who people are, independent of the store.</summary>
internal sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>Unset means <see cref="DirectoryProvider.Seeded"/> in Development and <see cref="DirectoryProvider.Graph"/> elsewhere.</summary>
    public DirectoryProvider? Provider { get; set; }
}

internal enum DirectoryProvider
{
    Seeded,
    Graph,
}

/// <summary>
/// The Graph directory needs <c>Graph:*</c> and the tenant it answers for; the credential-less loopback emulator is a
/// Development convenience and refused elsewhere (design.md §4, §10).
/// </summary>
internal sealed class DirectoryOptionsValidation(IOptions<GraphOptions> graphOptions, IHostEnvironment environment) : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options) => options.Provider switch
    {
        DirectoryProvider.Seeded => ValidateOptionsResult.Success,
        DirectoryProvider.Graph => GraphProblems() is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems.Select(p => "Directory:Provider is Graph: " + p))
            : ValidateOptionsResult.Success,
        _ => ValidateOptionsResult.Fail("Directory:Provider must be Seeded or Graph."),
    };

    private List<string> GraphProblems()
    {
        var graph = graphOptions.Value;
        var problems = graph.Problems().ToList();
        if (string.IsNullOrWhiteSpace(graph.TenantId) && !problems.Any(p => p.StartsWith("Graph:TenantId", StringComparison.Ordinal)))
        {
            problems.Add("Graph:TenantId is missing.");
        }

        if (graph.IsLoopback && !graph.HasCredential && !environment.IsDevelopment())
        {
            problems.Add("Graph:BaseUrl is a loopback address without a credential (the Graph emulator), which only Development allows.");
        }

        return problems;
    }
}
