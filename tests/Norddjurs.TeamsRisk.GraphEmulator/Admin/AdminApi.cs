using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator.Admin;

/// <summary>
/// The control API over HTTP, under <c>/_emulator/…</c> and never under <c>/v1.0</c> (§10.2), for tests and tools
/// that run the emulator out of process. Same operations as the C# API on <see cref="GraphEmulator"/>.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "_emulator";

    public static EmulatorResponse Handle(GraphEmulator emulator, EmulatorRequest request, RequestTarget target)
    {
        var path = target.Segments.Skip(1).ToList();
        var method = request.Method.ToUpperInvariant();
        switch (method, path.Count > 0 ? path[0] : "")
        {
            case ("POST", "reset"):
                emulator.Reset();
                return EmulatorResponse.NoContent();
            case ("POST", "sites") when path.Count == 1:
                var site = Json.ParseObject(request.Body);
                var seeded = emulator.SeedSite(
                    Json.String(site, "hostname") ?? throw GraphException.Invalid("hostname is required."),
                    Json.String(site, "path") ?? "/",
                    Json.String(site, "displayName"));
                return EmulatorResponse.Json(201, seeded.ToJson());
            case ("POST", "sites") when path.Count == 3 && path[2] == "users":
                var entry = Json.ParseObject(request.Body);
                var uilSite = emulator.Sites.FirstOrDefault(s => string.Equals(s.Id, path[1], StringComparison.OrdinalIgnoreCase))
                    ?? throw GraphException.NotFound(path[1]);
                emulator.AddSiteUser(uilSite, (int)(Json.Get(entry, "lookupId")?.GetValue<int>() ?? 0), Json.String(entry, "userPrincipalName") ?? "");
                return EmulatorResponse.NoContent();
            case ("POST", "users"):
                var user = Json.ParseObject(request.Body);
                emulator.SeedUser(new UserState(
                    Json.String(user, "id") ?? Guid.NewGuid().ToString(),
                    Json.String(user, "userPrincipalName") ?? throw GraphException.Invalid("userPrincipalName is required."),
                    Json.String(user, "displayName") ?? "",
                    Json.String(user, "mail"),
                    Json.String(user, "managerId"),
                    Json.String(user, "jobTitle"),
                    Json.String(user, "department")));
                return EmulatorResponse.NoContent(201);
            case ("GET", "requests"):
                return EmulatorResponse.Json(200, new JsonObject { ["value"] = LogJson(emulator.RequestLog) });
            case ("GET", "mail"):
                return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(emulator.SentMail.Select(m => (JsonNode)m.Raw.DeepClone()).ToArray()) });
            case ("POST", "faults"):
                emulator.AddFault(Fault(Json.ParseObject(request.Body)));
                return EmulatorResponse.NoContent(201);
            case ("DELETE", "faults"):
                emulator.ClearFaults();
                return EmulatorResponse.NoContent();
            case ("PATCH", "options"):
                SetOptions(emulator.Options, Json.ParseObject(request.Body));
                return EmulatorResponse.NoContent();
            case ("POST", "teamsApps"):
                var app = Json.ParseObject(request.Body);
                emulator.SeedTeamsApp(new TeamsAppState(
                    Json.String(app, "id") ?? Guid.NewGuid().ToString(),
                    Json.String(app, "externalId") ?? throw GraphException.Invalid("externalId is required."),
                    Json.String(app, "displayName") ?? ""));
                return EmulatorResponse.NoContent(201);
            case ("GET", "notifications"):
                return EmulatorResponse.Json(200, new JsonObject
                {
                    ["value"] = new JsonArray(emulator.ActivityNotifications.Select(n => (JsonNode)new JsonObject
                    {
                        ["userId"] = n.UserId,
                        ["activityType"] = n.ActivityType,
                        ["body"] = n.Raw.DeepClone(),
                    }).ToArray()),
                });
            case ("POST", "lists") when path.Count == 3 && path[2] == "expireDelta" && Guid.TryParse(path[1], out var expired):
                emulator.ExpireDeltaTokens(expired);
                return EmulatorResponse.NoContent();
            case ("POST", "lists") when path.Count == 5 && path[2] == "items" && path[4] == "edit" && Guid.TryParse(path[1], out var edited):
                // A user editing the item in SharePoint: { "fields": {…}, "user": { "id", "displayName", "lookupId", "email" } }
                var edit = Json.ParseObject(request.Body);
                var by = Json.Get(edit, "user") as JsonObject ?? throw GraphException.Invalid("user is required.");
                var actor = new Items.Actor(
                    Json.String(by, "id") ?? throw GraphException.Invalid("user.id is required."),
                    Json.String(by, "displayName") ?? "",
                    IsApplication: false,
                    Int(by, "lookupId") ?? 0,
                    Json.String(by, "email"));
                var itemId = int.Parse(path[3], CultureInfo.InvariantCulture);
                return EmulatorResponse.Json(200, emulator.EditItemAs(edited, itemId, Json.Get(edit, "fields") as JsonObject ?? [], actor));
            case ("GET", "lists") when path.Count == 3 && path[2] == "items" && Guid.TryParse(path[1], out var listId):
                return EmulatorResponse.Json(200, new JsonObject { ["value"] = new JsonArray(emulator.Items(listId).Select(i => (JsonNode)i).ToArray()) });
            default:
                throw GraphException.Unsupported(method, target.DecodedPath);
        }
    }

    private static JsonArray LogJson(IEnumerable<RequestLogEntry> entries) =>
        new(entries.Select(e => (JsonNode)new JsonObject
        {
            ["sequence"] = e.Sequence,
            ["at"] = Json.Instant(e.At),
            ["method"] = e.Method,
            ["target"] = e.Target,
            ["status"] = e.Status,
            ["isBatchStep"] = e.IsBatchStep,
            ["clientRequestId"] = e.ClientRequestId,
            ["retryAttempt"] = e.RetryAttempt,
            ["userAgent"] = e.UserAgent,
            ["fault"] = e.Fault,
        }).ToArray());

    private static FaultRule Fault(JsonObject body) =>
        new()
        {
            Method = Json.String(body, "method"),
            PathPattern = Json.String(body, "pathPattern"),
            ListId = Json.String(body, "listId") is { } id ? Guid.Parse(id) : null,
            Caller = Json.String(body, "caller"),
            Scope = Enum.TryParse<FaultScope>(Json.String(body, "scope"), ignoreCase: true, out var scope) ? scope : FaultScope.Any,
            EveryNth = Int(body, "everyNth") ?? 1,
            Probability = Json.Get(body, "probability")?.GetValue<double>() ?? 1,
            Times = Int(body, "times"),
            Status = Int(body, "status") ?? 503,
            RetryAfter = Json.Get(body, "retryAfter")?.ToString(),
            Code = Json.String(body, "code"),
            Message = Json.String(body, "message"),
            Delay = TimeSpan.FromMilliseconds(Int(body, "delayMs") ?? 0),
            CommitThenFail = Json.Bool(body, "commitThenFail") ?? false,
            ResetConnection = Json.Bool(body, "resetConnection") ?? false,
            Headers = (Json.Get(body, "headers") as JsonObject)?.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase),
        };

    private static void SetOptions(EmulatorOptions options, JsonObject body)
    {
        options.ListViewThreshold = Int(body, "listViewThreshold") ?? options.ListViewThreshold;
        options.DefaultPageSize = Int(body, "defaultPageSize") ?? options.DefaultPageSize;
        options.MaxPageSize = Int(body, "maxPageSize") ?? options.MaxPageSize;
        options.ThresholdStatus = Int(body, "thresholdStatus") ?? options.ThresholdStatus;
        options.UniqueViolationStatus = Int(body, "uniqueViolationStatus") ?? options.UniqueViolationStatus;
        options.PreconditionFailedCode = Json.String(body, "preconditionFailedCode") ?? options.PreconditionFailedCode;
        options.AcceptNumericStrings = Json.Bool(body, "acceptNumericStrings") ?? options.AcceptNumericStrings;
        options.CreatedAndModifiedIndexed = Json.Bool(body, "createdAndModifiedIndexed") ?? options.CreatedAndModifiedIndexed;
        options.StrictAuthentication = Json.Bool(body, "strictAuthentication") ?? options.StrictAuthentication;
        if (Int(body, "resourceUnitsPerMinute") is { } budget)
        {
            options.ResourceUnitsPerMinute = budget > 0 ? budget : null;
        }
        if (Int(body, "latencyMs") is { } latency)
        {
            options.Latency = TimeSpan.FromMilliseconds(latency);
        }
    }

    private static int? Int(JsonObject body, string name) =>
        Json.Get(body, name) is JsonValue v && (v.TryGetValue<int>(out var n) || int.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) ? n : null;
}
