using Norddjurs.TeamsRisk.GraphEmulator.Lists;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Sites;

/// <summary><c>/sites/…</c>: the site itself, then hands lists on to <see cref="ListsEndpoint"/>.</summary>
internal static class SitesEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, IReadOnlyList<string> path)
    {
        if (path.Count < 2)
        {
            throw context.Unsupported();
        }
        var (site, rest) = SiteResolver.Resolve(context.Emulator.Sites, path);
        if (site is null)
        {
            throw GraphException.NotFound(path[1]);
        }
        if (rest.Count == 0)
        {
            return context.Method == "GET" ? EmulatorResponse.Json(200, site.ToJson()) : throw context.Unsupported();
        }
        return rest[0] switch
        {
            "lists" => ListsEndpoint.Handle(context, site, rest.Skip(1).ToList()),
            "permissions" => PermissionsEndpoint.Handle(context, site, rest.Skip(1).ToList()),
            _ => throw context.Unsupported(),
        };
    }
}
