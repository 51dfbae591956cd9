using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>
/// The loaders' verdict on a method document and (optionally) a catalogue, as domain errors that keep each problem's
/// JSON path in the argument <c>path</c> and its document (<c>method</c> or <c>catalogue</c>) in <c>document</c>: what <see cref="PublishMethod"/> refuses with, and what an editor checks
/// before publishing, so both say the same thing. Stores nothing.
/// </summary>
public static class MethodDocuments
{
    public static IReadOnlyList<DomainError> Problems(byte[] methodJson, byte[]? catalogueJson) =>
        Of(MethodLoader.Load(methodJson).Problems, catalogueJson is null ? [] : CatalogueLoader.Load(catalogueJson).Problems);

    public static IReadOnlyList<DomainError> Of(IEnumerable<DataProblem> method, IEnumerable<DataProblem> catalogue) =>
        [.. method.Select(p => AsError(p, Method)), .. catalogue.Select(p => AsError(p, Catalogue))];

    public const string Method = "method";

    public const string Catalogue = "catalogue";

    /// <summary>The document a problem from <see cref="Problems"/> is in, or null for other errors.</summary>
    public static string? DocumentOf(DomainError error) => error?.Args.TryGetValue("document", out var document) == true ? document : null;

    private static DomainError AsError(DataProblem problem, string document) =>
        new(problem.Error.Code, new Dictionary<string, string>(problem.Error.Args) { ["path"] = problem.Path, ["document"] = document });

    /// <summary>The JSON path a problem from <see cref="Problems"/> names, or null for other errors.</summary>
    public static string? PathOf(DomainError error) => error?.Args.TryGetValue("path", out var path) == true ? path : null;
}
