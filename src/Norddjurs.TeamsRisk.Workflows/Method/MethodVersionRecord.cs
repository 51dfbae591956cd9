using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>The lifecycle of a method version (risk-method.md §3.8): drafted, then active once approved, then retired by its successor.</summary>
public enum MethodVersionState
{
    Draft,
    Active,
    Retired,
}

/// <summary>
/// A method version as stored: the document exactly as published (its hash is what assessments pin), its state,
/// and the approval that made it active. Only one version is active at a time.
/// </summary>
public sealed record MethodVersionRecord(
    string MethodId,
    string Version,
    string Sha256,
    string MethodJson,
    MethodVersionState State,
    MethodApproval Approval,
    DateTimeOffset PublishedAt,
    string PublishedBy)
{
    public static string DocumentId(string methodId, string version) => $"{methodId}@{version}";

    public IReadOnlyDictionary<string, string> Index() => new Dictionary<string, string> { ["methodId"] = MethodId, ["state"] = State.ToString() };
}

/// <summary>A catalogue version as published; it takes effect with the method version that names it.</summary>
public sealed record CatalogueVersionRecord(string CatalogueId, string Version, string Sha256, string CatalogueJson, DateTimeOffset PublishedAt, string PublishedBy)
{
    public static string DocumentId(string catalogueId, string version) => $"{catalogueId}@{version}";

    public IReadOnlyDictionary<string, string> Index() => new Dictionary<string, string> { ["catalogueId"] = CatalogueId, ["state"] = "published" };
}
