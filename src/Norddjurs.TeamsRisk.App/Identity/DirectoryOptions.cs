using Microsoft.Extensions.Options;

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

internal sealed class DirectoryOptionsValidation : IValidateOptions<DirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectoryOptions options) => options.Provider switch
    {
        DirectoryProvider.Seeded => ValidateOptionsResult.Success,
        // Graph arrives with its own issue; until then say so rather than fail at the first lookup.
        DirectoryProvider.Graph => ValidateOptionsResult.Fail(
            "Directory:Provider is Graph, but the Graph directory is not available yet. Set Directory:Provider=Seeded to use the seeded Development directory."),
        _ => ValidateOptionsResult.Fail("Directory:Provider must be Seeded or Graph."),
    };
}
