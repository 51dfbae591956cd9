using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>Where the seeded method and catalogue documents come from: the defaults embedded in Core.</summary>
public interface IMethodDataSource
{
    byte[] MethodJson();

    byte[] CatalogueJson();
}

internal sealed class EmbeddedMethodDataSource : IMethodDataSource
{
    public byte[] MethodJson() => DefaultMethod.Json();

    public byte[] CatalogueJson() => DefaultCatalogue.Json();
}

/// <summary>The seeded method and catalogue, validated once at start-up.</summary>
public sealed record MethodData(RiskMethod Method, EventCatalogue Catalogue)
{
    /// <summary>Loads both documents; invalid data stops the app with every problem listed (style-examples.md rule 9).</summary>
    public static MethodData Load(IMethodDataSource source)
    {
        var method = MethodLoader.Load(source.MethodJson());
        var catalogue = CatalogueLoader.Load(source.CatalogueJson());
        var problems = method.Problems.Select(p => "method " + p.Message(Core.Language.English))
            .Concat(catalogue.Problems.Select(p => "catalogue " + p.Message(Core.Language.English)))
            .ToList();
        if (method.IsValid && catalogue.IsValid && method.Value.EventCatalog != new CatalogueRef(catalogue.Value.Id, catalogue.Value.Version))
        {
            // The method pins the catalogue it was approved with (risk-method.md §3.7 eventCatalog).
            problems.Add($"method $.eventCatalog names {method.Value.EventCatalog.Id} {method.Value.EventCatalog.Version}, but the catalogue is {catalogue.Value.Id} {catalogue.Value.Version}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidMethodDataException(problems);
        }

        return new MethodData(method.Value, catalogue.Value);
    }
}

public sealed class InvalidMethodDataException(IReadOnlyList<string> problems)
    : Exception("The method or catalogue is invalid; the app will not start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
