namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>What the delta sync (Delta/CommitteeEditSync) needs of the store: its door to Graph and where its lists are.</summary>
public sealed partial class GraphRiskStore
{
    internal GraphGateway Gateway => _graph;

    /// <summary>The list's path below the version root, by id (§1.5).</summary>
    internal string ListPath(string listKey) => $"/sites/{_siteId}/lists/{_listIds[listKey]}";

    internal string ListId(string listKey) => _listIds[listKey];
}
