using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>The register's filter from the query string (<see cref="RegisterFilterText"/>); every bad value is a 400 error naming it.</summary>
internal static class RegisterQueryString
{
    public static (RegisterFilter Filter, IReadOnlyList<DomainError> Errors) Parse(IQueryCollection query, IReadOnlyCollection<string> bandIds)
    {
        var (filter, invalid) = RegisterFilterText.Parse(name => query[name].ToString(), bandIds);
        return (filter, [.. invalid.Select(v => DomainError.Of("api.query_invalid", ("name", v.Name), ("value", v.Value)))]);
    }
}
