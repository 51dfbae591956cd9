using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>One problem found while loading method or catalogue data, at a JSON path such as <c>$.bands[2].color</c>.</summary>
public sealed record DataProblem(string Path, DomainError Error)
{
    public string Message(Language language) => $"{Path}: {Error.Message(language)}";

    public override string ToString() => $"{Path}: {Error}";
}
