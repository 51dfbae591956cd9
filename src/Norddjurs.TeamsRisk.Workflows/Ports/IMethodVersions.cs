using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The method and catalogue versions the app knows: the active pair new assessments pin, and any earlier pair an
/// open assessment still pins (risk-method.md §3.8: an assessment is finished with the method it started with).
/// </summary>
public interface IMethodVersions
{
    /// <summary>False until a version is approved (risk-method.md §3.8): nothing that pins a method may start then.</summary>
    bool HasActive { get; }

    RiskMethod ActiveMethod { get; }

    EventCatalogue ActiveCatalogue { get; }

    RiskMethod? FindMethod(PinnedVersion pinned);

    EventCatalogue? FindCatalogue(PinnedVersion pinned);

    /// <summary>Reloads after a version was published or approved.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
