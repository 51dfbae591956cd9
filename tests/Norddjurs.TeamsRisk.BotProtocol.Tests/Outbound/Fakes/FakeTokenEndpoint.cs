using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>
/// Entra's v2.0 token endpoint on loopback: records each client-credentials request and answers
/// <c>{"token_type":"Bearer","expires_in":3599,"access_token":"token-N"}</c>. Answers can be held back
/// (<see cref="Hold"/>) to see how many requests concurrent callers cause, or replaced by an error status.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private LoopbackServer? _server;
    private TaskCompletionSource _release = CompletedGate();
    private int _issued;

    public Uri BaseAddress => _server!.BaseAddress;

    public int ExpiresInSeconds { get; set; } = 3599;

    /// <summary>When set, every answer is this status with an Entra-style error body.</summary>
    public int? FailWith { get; set; }

    public IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Form)> Requests => [.. _requests];

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var endpoint = new FakeTokenEndpoint();
        endpoint._server = await LoopbackServer.StartAsync(endpoint.HandleAsync);
        return endpoint;
    }

    public void Hold() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public ValueTask DisposeAsync()
    {
        Release();
        return _server?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        _requests.Enqueue((context.Request.Path.Value!, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        await _release.Task;

        if (FailWith is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "AADSTS7000215: scripted" });
            return;
        }

        var token = "token-" + Interlocked.Increment(ref _issued);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = ExpiresInSeconds, ["access_token"] = token });
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
