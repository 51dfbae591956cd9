using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>
/// The loaders' verdict on a method document and (optionally) a catalogue, as domain errors that keep each problem's
/// JSON path in the argument <c>path</c>: what <see cref="PublishMethod"/> refuses with, and what an editor checks
/// before publishing, so both say the same thing. Stores nothing.
/// </summary>
public static class MethodDocuments
{
    public static IReadOnlyList<DomainError> Problems(byte[] methodJson, byte[]? catalogueJson) =>
        [.. MethodLoader.Load(methodJson).Problems.Concat(catalogueJson is null ? [] : CatalogueLoader.Load(catalogueJson).Problems).Select(AsError)];

    /// <summary>A document problem as a domain error that keeps its JSON path.</summary>
    public static DomainError AsError(DataProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Error.Code, new Dictionary<string, string>(problem.Error.Args) { ["path"] = problem.Path });
    }

    /// <summary>The JSON path a problem from <see cref="Problems"/> names, or null for other errors.</summary>
    public static string? PathOf(DomainError error) => error?.Args.TryGetValue("path", out var path) == true ? path : null;
}
