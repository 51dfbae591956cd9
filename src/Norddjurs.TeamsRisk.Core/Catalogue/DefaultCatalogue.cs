using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Catalogue;

/// <summary>The shipped default catalogue, <c>nk-event-catalog</c> 1.0.0 (risk-method.md §4), embedded as JSON.</summary>
public static class DefaultCatalogue
{
    public const string ResourceName = "Norddjurs.TeamsRisk.Core.Catalogue.Defaults.nk-event-catalog.json";

    public static byte[] Json() => EmbeddedData.Read(ResourceName);

    public static LoadResult<EventCatalogue> Load() => CatalogueLoader.Load(Json());
}
