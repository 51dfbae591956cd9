namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>
/// <c>POST /teams/{id}/channels/{id}/messages</c> app-only is refused as the service does (§8.6): it documents
/// the rule that committee posts go through the bot, never Graph.
/// </summary>
internal static class TeamsEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, IReadOnlyList<string> path)
    {
        if (path.Count == 5 && path[2] == "channels" && path[4] == "messages" && context.Method == "POST")
        {
            throw new GraphException(401, "Unauthorized", "Message POST is allowed in application-only context only for import purposes.");
        }
        throw context.Unsupported();
    }
}
