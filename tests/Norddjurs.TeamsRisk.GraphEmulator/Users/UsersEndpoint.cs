using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Users;

/// <summary><c>/users/{id|upn}</c>, its <c>manager</c>, <c>transitiveMemberOf</c> and <c>sendMail</c> (§8.3, §8.4).</summary>
internal static class UsersEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, IReadOnlyList<string> path)
    {
        if (path.Count < 2)
        {
            throw context.Unsupported();
        }
        var user = Find(context.Emulator, path[1])
            ?? throw new GraphException(404, "Request_ResourceNotFound", $"Resource '{path[1]}' does not exist or one of its queried reference-property objects are not present.");
        return (path.Count, context.Method) switch
        {
            (2, "GET") => EmulatorResponse.Json(200, user.ToJson()),
            (3, "GET") when path[2] == "manager" => Manager(context.Emulator, user),
            (3, "GET") when path[2] == "transitiveMemberOf" => TransitiveMemberOf(user),
            (3, "POST") when string.Equals(path[2], "sendMail", StringComparison.OrdinalIgnoreCase) => SendMail(context, user),
            _ when path.Count > 3 && path[2] == "teamwork" => TeamworkEndpoint.Handle(context, user, path.Skip(3).ToList()),
            _ => throw context.Unsupported(),
        };
    }

    private static UserState? Find(GraphEmulator emulator, string idOrUpn) =>
        emulator.Users.TryGetValue(idOrUpn, out var user)
            ? user
            : emulator.Users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user's groups, already flattened by whoever seeded them; each a <c>#microsoft.graph.group</c> with its id.</summary>
    private static EmulatorResponse TransitiveMemberOf(UserState user)
    {
        var groups = (user.GroupIds ?? []).Select(id => (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = id });
        return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray([.. groups]) });
    }

    private static EmulatorResponse Manager(GraphEmulator emulator, UserState user)
    {
        if (user.ManagerId is null || Find(emulator, user.ManagerId) is not { } manager)
        {
            throw new GraphException(404, "Request_ResourceNotFound", $"Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
        }
        return EmulatorResponse.Json(200, manager.ToJson());
    }

    /// <summary>Parameter names are matched case-insensitively: the SDK sends <c>Message</c>, <c>SaveToSentItems</c>.</summary>
    private static EmulatorResponse SendMail(RequestContext context, UserState user)
    {
        var body = Json.ParseObject(context.Request.Body);
        if (Json.Get(body, "message") is not JsonObject message)
        {
            throw new GraphException(400, "ErrorInvalidParameter", "The 'message' parameter is missing.");
        }
        var to = (Json.Get(message, "toRecipients") as JsonArray ?? [])
            .Select(r => r is JsonObject o && Json.Get(o, "emailAddress") is JsonObject e ? Json.String(e, "address") : null)
            .OfType<string>()
            .ToList();
        if (to.Count == 0)
        {
            throw new GraphException(400, "ErrorInvalidRecipients", "At least one recipient is required.");
        }
        var content = Json.Get(message, "body") is JsonObject b ? Json.String(b, "content") : null;
        context.Emulator.Mail.Add(new SentMail(
            user.UserPrincipalName, Json.String(message, "subject") ?? "", to, content, Json.Bool(body, "saveToSentItems") ?? true, (JsonObject)body.DeepClone()));
        return EmulatorResponse.NoContent(202);
    }
}
