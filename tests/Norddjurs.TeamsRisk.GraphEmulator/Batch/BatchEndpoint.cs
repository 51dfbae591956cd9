using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Batch;

/// <summary>
/// <c>POST /$batch</c> (§6, §10.5): up to 20 steps, unique ids, known <c>dependsOn</c>; steps run through the
/// same engine (inner faults apply), independent ones in a seeded random order; a failed dependency gives 424.
/// </summary>
internal static class BatchEndpoint
{
    public const int MaxSteps = 20;

    public static async Task<EmulatorResponse> HandleAsync(GraphEmulator emulator, EmulatorRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.Unsupported(request.Method, "/$batch");
        }
        var steps = BatchStep.ParseAll(Json.ParseObject(request.Body));
        var statuses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var results = new List<JsonObject>();
        foreach (var step in Order(steps, emulator))
        {
            EmulatorResponse response;
            if (step.DependsOn.FirstOrDefault(d => statuses[d] is < 200 or >= 300) is { } failed)
            {
                response = emulator.ErrorResponse(
                    new GraphException(424, "failedDependency", $"The request depends on request '{failed}', which failed."),
                    Guid.NewGuid().ToString(), request.Header("client-request-id") ?? "");
            }
            else
            {
                // Steps run with the outer request's token (§6.1).
                if (request.Header("Authorization") is { } token && !step.Headers.ContainsKey("Authorization"))
                {
                    step.Headers["Authorization"] = token;
                }
                var inner = new EmulatorRequest(step.Method, request.Origin, GraphEmulator.VersionRoot + step.Url, step.Headers, step.Body, IsBatchStep: true);
                response = await emulator.HandleAsync(inner, cancellationToken).ConfigureAwait(false);
            }
            statuses[step.Id] = response.Status;
            results.Add(Result(step.Id, response));
        }
        // The service answers in any order (§6.1); shuffle with the seeded RNG so tests cannot depend on it.
        var shuffled = results.ToArray();
#pragma warning disable CA5394 // seeded, reproducible test randomness
        emulator.Random.Shuffle(shuffled);
#pragma warning restore CA5394
        return EmulatorResponse.Json(200, new JsonObject { ["responses"] = new JsonArray(shuffled.Select(r => (JsonNode)r).ToArray()) });
    }

    /// <summary>Steps whose dependencies are done, picked at random among those ready.</summary>
    private static IEnumerable<BatchStep> Order(List<BatchStep> steps, GraphEmulator emulator)
    {
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = steps.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(s => s.DependsOn.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw GraphException.Invalid("The dependsOn chain of the batch has a cycle.");
            }
#pragma warning disable CA5394 // seeded, reproducible test randomness
            var next = ready[emulator.Random.Next(ready.Count)];
#pragma warning restore CA5394
            pending.Remove(next);
            done.Add(next.Id);
            yield return next;
        }
    }

    private static JsonObject Result(string id, EmulatorResponse response)
    {
        var headers = new JsonObject();
        if (response.Body is not null)
        {
            headers["Content-Type"] = GraphEmulator.ContentType;
        }
        foreach (var name in new[] { "Retry-After", "Location", "ETag" })
        {
            if (response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value;
            }
        }
        var result = new JsonObject
        {
            ["id"] = id,
            ["status"] = response.ResetConnection ? 504 : response.Status,
            ["headers"] = headers,
        };
        if (response.Body is not null)
        {
            result["body"] = response.Body.DeepClone();
        }
        return result;
    }
}

/// <summary>One parsed step of a <c>$batch</c> body.</summary>
internal sealed record BatchStep(string Id, string Method, string Url, IReadOnlyList<string> DependsOn, Dictionary<string, string> Headers, byte[]? Body)
{
    public static List<BatchStep> ParseAll(JsonObject batch)
    {
        if (Json.Get(batch, "requests") is not JsonArray requests)
        {
            throw GraphException.Invalid("The batch body needs a 'requests' array.");
        }
        if (requests.Count == 0 || requests.Count > BatchEndpoint.MaxSteps)
        {
            throw GraphException.Invalid($"A batch holds between 1 and {BatchEndpoint.MaxSteps} requests; this one has {requests.Count}.");
        }
        var steps = requests.Select(r => Parse(r as JsonObject ?? throw GraphException.Invalid("Each batch request must be an object."))).ToList();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            if (!ids.Add(step.Id))
            {
                throw GraphException.Invalid($"The batch request id '{step.Id}' is used more than once.");
            }
        }
        foreach (var step in steps)
        {
            if (step.DependsOn.FirstOrDefault(d => !ids.Contains(d)) is { } unknown)
            {
                throw GraphException.Invalid($"Request '{step.Id}' depends on unknown request id '{unknown}'.");
            }
        }
        return steps;
    }

    private static BatchStep Parse(JsonObject step)
    {
        var id = Json.Get(step, "id") switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => throw GraphException.Invalid("Each batch request needs an 'id'."),
        };
        var method = Json.String(step, "method") ?? throw GraphException.Invalid($"Request '{id}' needs a 'method'.");
        var url = Json.String(step, "url") ?? throw GraphException.Invalid($"Request '{id}' needs a 'url'.");
        if (!url.StartsWith('/'))
        {
            url = "/" + url; // relative to the version root (§6.1)
        }
        if (url.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphException.Invalid($"Request '{id}' must use a url relative to the version root.");
        }
        var headers = EmulatorRequest.NewHeaders();
        if (Json.Get(step, "headers") is JsonObject given)
        {
            foreach (var (name, value) in given)
            {
                headers[name] = value?.ToString() ?? "";
            }
        }
        var dependsOn = (Json.Get(step, "dependsOn") as JsonArray)?.Select(d => d?.ToString() ?? "").ToList() ?? [];
        byte[]? body = null;
        if (Json.Get(step, "body") is { } content)
        {
            if (!headers.TryGetValue("Content-Type", out var contentType))
            {
                throw GraphException.Invalid($"Request '{id}' has a body but no Content-Type header.");
            }
            body = content is JsonValue text && text.GetValueKind() == JsonValueKind.String && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text.GetValue<string>())
                : Encoding.UTF8.GetBytes(content.ToJsonString());
        }
        return new BatchStep(id, method.ToUpper(CultureInfo.InvariantCulture), url, dependsOn, headers, body);
    }
}
