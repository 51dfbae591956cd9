using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Users;

/// <summary>
/// <c>/users/{id}/teamwork/…</c>: proactive install, finding the installation, its chat (§8.5), and activity
/// feed notifications (§8.7), which need the app installed for the recipient.
/// </summary>
internal static partial class TeamworkEndpoint
{
    public static EmulatorResponse Handle(RequestContext context, UserState user, IReadOnlyList<string> rest)
    {
        var emulator = context.Emulator;
        switch (rest.Count, context.Method)
        {
            case (1, "POST") when string.Equals(rest[0], "sendActivityNotification", StringComparison.OrdinalIgnoreCase):
                return Notify(context, user);
            case (1, "GET") when rest[0] == "installedApps":
                return List(context, user);
            case (1, "POST") when rest[0] == "installedApps":
                return Install(context, user);
            case (3, "GET") when rest[0] == "installedApps" && rest[2] == "chat":
                var installed = emulator.Installations.FirstOrDefault(i => i.UserId == user.Id && i.Id == rest[1])
                    ?? throw GraphException.NotFound(rest[1]);
                return EmulatorResponse.Json(200, new JsonObject { ["id"] = installed.ChatId });
            case (2, "GET") when rest[0] == "installedApps":
                var installation = emulator.Installations.FirstOrDefault(i => i.UserId == user.Id && i.Id == rest[1])
                    ?? throw GraphException.NotFound(rest[1]);
                return EmulatorResponse.Json(200, ToJson(installation, expand: true));
            default:
                throw context.Unsupported();
        }
    }

    private static EmulatorResponse Install(RequestContext context, UserState user)
    {
        var body = Json.ParseObject(context.Request.Body);
        var bind = Json.String(body, "teamsApp@odata.bind") ?? throw GraphException.Invalid("teamsApp@odata.bind is required.");
        var appId = bind[(bind.LastIndexOf('/') + 1)..];
        var app = context.Emulator.TeamsApps.FirstOrDefault(a => a.Id == appId) ?? throw GraphException.NotFound(appId);
        if (context.Emulator.Installations.Any(i => i.UserId == user.Id && i.App.Id == app.Id))
        {
            throw new GraphException(context.Options.AlreadyInstalledStatus, "Conflict", "The app is already installed for this user.");
        }
        var id = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Id}##{app.Id}"));
        context.Emulator.Installations.Add(new InstalledApp(id, user.Id, app, $"19:{user.Id}_{app.Id}@unq.gbl.spaces"));
        return EmulatorResponse.NoContent(201);
    }

    private static EmulatorResponse List(RequestContext context, UserState user)
    {
        var installs = context.Emulator.Installations.Where(i => i.UserId == user.Id);
        if (context.Target.Option("$filter") is { } filter)
        {
            var match = AppFilter().Match(filter);
            if (!match.Success)
            {
                throw GraphException.Invalid("Only teamsApp/externalId eq '…' or teamsApp/id eq '…' is supported.");
            }
            var value = match.Groups["value"].Value;
            installs = match.Groups["property"].Value == "externalId"
                ? installs.Where(i => i.App.ExternalId == value)
                : installs.Where(i => i.App.Id == value);
        }
        var expand = context.Target.Option("$expand")?.Contains("teamsApp", StringComparison.Ordinal) == true;
        return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(installs.Select(i => (JsonNode)ToJson(i, expand)).ToArray()) });
    }

    /// <summary><c>POST /teamwork/sendActivityNotificationToRecipients</c>: up to 100 users, each needing the app.</summary>
    public static EmulatorResponse NotifyRecipients(RequestContext context)
    {
        var body = Json.ParseObject(context.Request.Body);
        var recipients = (Json.Get(body, "recipients") as JsonArray ?? [])
            .Select(r => r is JsonObject o ? Json.String(o, "userId") : null)
            .ToList();
        if (recipients.Count is 0 or > 100 || recipients.Any(r => r is null))
        {
            throw GraphException.Invalid("recipients must hold 1 to 100 entries with a userId.");
        }
        foreach (var userId in recipients)
        {
            var user = context.Emulator.Users.GetValueOrDefault(userId!) ?? throw GraphException.NotFound(userId!);
            Record(context, user, body);
        }
        return EmulatorResponse.NoContent(202);
    }

    private static EmulatorResponse Notify(RequestContext context, UserState user)
    {
        Record(context, user, Json.ParseObject(context.Request.Body));
        return EmulatorResponse.NoContent();
    }

    private static void Record(RequestContext context, UserState user, JsonObject body)
    {
        var activityType = Json.String(body, "activityType") ?? throw GraphException.Invalid("activityType is required.");
        if (!context.Emulator.Installations.Any(i => i.UserId == user.Id))
        {
            throw GraphException.Invalid("The app is not installed for the recipient; install it before sending activity notifications.");
        }
        var preview = Json.Get(body, "previewText") is JsonObject p ? Json.String(p, "content") : null;
        context.Emulator.Notifications.Add(new ActivityNotification(user.Id, activityType, preview, (JsonObject)body.DeepClone()));
    }

    private static JsonObject ToJson(InstalledApp installation, bool expand)
    {
        var json = new JsonObject { ["id"] = installation.Id };
        if (expand)
        {
            json["teamsApp"] = installation.App.ToJson();
        }
        return json;
    }

    [GeneratedRegex(@"^\s*teamsApp/(?<property>externalId|id)\s+eq\s+'(?<value>[^']*)'\s*$")]
    private static partial Regex AppFilter();
}
