using Norddjurs.TeamsRisk.GraphEmulator.Sites;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>First routing step below <c>/v1.0</c>; anything not served is a 400 "Unsupported", never a silent 200.</summary>
internal static class Router
{
    public static EmulatorResponse Dispatch(RequestContext context)
    {
        var path = context.Path;
        if (path.Count == 0)
        {
            throw context.Unsupported();
        }
        Auth.PermissionCheck.Check(context);
        return path[0] switch
        {
            "sites" => SitesEndpoint.Handle(context, path),
            "users" => UsersEndpoint.Handle(context, path),
            "teams" => TeamsEndpoint.Handle(context, path),
            "teamwork" when path.Count == 2 && path[1] == "sendActivityNotificationToRecipients" && context.Method == "POST"
                => TeamworkEndpoint.NotifyRecipients(context),
            _ => throw context.Unsupported(),
        };
    }
}
