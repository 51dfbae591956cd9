using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>
/// A recording stand-in for the Bot Connector on loopback: the §3.3 routes under <c>/teams/</c> (a Teams-style service URL,
/// trailing slash) and under <c>/_connector</c> (the Agents Playground's, §6.4, no trailing slash), answering as Teams
/// does — unless an answer was scripted for the next request.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _time;
    private LoopbackServer? _server;
    private long _nextActivityId = 1776390257000;

    private FakeConnector(TimeProvider time) => _time = time;

    /// <summary>Like Teams' <c>https://smba.trafficmanager.net/teams/</c>: ends with a slash.</summary>
    public Uri TeamsServiceUrl => new(_server!.BaseAddress, "teams/");

    /// <summary>Like the Playground's <c>http://localhost:56150/_connector</c>: no trailing slash.</summary>
    public Uri PlaygroundServiceUrl => new(_server!.BaseAddress, "_connector");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeConnector> StartAsync(TimeProvider time)
    {
        var connector = new FakeConnector(time);
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var body = text.Length == 0 ? null : JsonNode.Parse(text);
        var route = RouteOf(rawTarget);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method, rawTarget, route, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.ContentType, body, _time.GetUtcNow()));

        if (_script.TryDequeue(out var scripted))
        {
            await scripted.WriteAsync(context);
            return;
        }

        var (status, answer) = AnswerAsTeams(context.Request.Method, route, body);
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
    }

    /// <summary>The path after the service URL's own prefix, split into unescaped segments.</summary>
    private static string[] RouteOf(string rawTarget)
    {
        var path = rawTarget.Split('?')[0];
        foreach (var prefix in new[] { "/teams/", "/_connector/" })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
                break;
            }
        }

        return [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];
    }

    private (int Status, JsonObject? Body) AnswerAsTeams(string method, string[] route, JsonNode? body) => (method, route) switch
    {
        ("POST", ["v3", "conversations"]) => CreateConversation(body),
        ("POST", ["v3", "conversations", _, "activities"]) => (201, new JsonObject { ["id"] = NextActivityId() }),
        ("POST", ["v3", "conversations", _, "activities", _]) => (201, new JsonObject { ["id"] = NextActivityId() }),
        ("PUT", ["v3", "conversations", _, "activities", var activityId]) => (200, new JsonObject { ["id"] = activityId }),
        ("DELETE", ["v3", "conversations", _, "activities", _]) => (200, null),
        _ => (404, JsonNode.Parse(ScriptedAnswer.Error("NotFound"))!.AsObject()),
    };

    /// <summary>§3.5 and §6.4: a channel thread needs the channel and an activity; a 1:1 needs the tenant and one member.</summary>
    private (int, JsonObject?) CreateConversation(JsonNode? body)
    {
        if (body?["isGroup"]?.GetValue<bool>() == true)
        {
            var channelId = body["channelData"]?["channel"]?["id"]?.GetValue<string>();
            if (channelId is null || body["activity"] is null)
            {
                return (400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadSyntax", ["message"] = "Incorrect conversation creation parameters" } });
            }

            var root = NextActivityId();
            return (201, new JsonObject { ["id"] = $"{channelId};messageid={root}", ["activityId"] = root });
        }

        var members = body?["members"]?.AsArray();
        if (body?["tenantId"] is null || members is not { Count: 1 })
        {
            return (400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadArgument", ["message"] = "tenantId and one member are required" } });
        }

        return (201, new JsonObject { ["id"] = "a:" + members[0]!["id"]!.GetValue<string>() });
    }

    private string NextActivityId() => Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture);
}
