using System.Globalization;
using Norddjurs.TeamsRisk.GraphEmulator.Admin;
using Norddjurs.TeamsRisk.GraphEmulator.Batch;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>
/// The in-memory Graph + SharePoint stand-in of graph-sharepoint.md §10. One engine behind both hostings
/// (<see cref="GraphEmulatorHandler"/> in process, <see cref="GraphEmulatorServer"/> on loopback). State changes
/// run one at a time under a lock; latency and faults are applied outside it.
/// </summary>
public sealed partial class GraphEmulator
{
    public const string VersionRoot = "/v1.0";

    internal const string ContentType =
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private readonly Lock _gate = new();
    private readonly List<FaultRule> _faults = [];
    private readonly List<RequestLogEntry> _log = [];
    private readonly ResourceUnitMeter _meter = new();
    private Random _random;
    private long _requestSequence;

    public GraphEmulator(TimeProvider? time = null, EmulatorOptions? options = null)
    {
        Time = time ?? TimeProvider.System;
        Options = options ?? new EmulatorOptions();
        _random = new Random(Options.Seed);
    }

    public TimeProvider Time { get; }

    public EmulatorOptions Options { get; }

    /// <summary>Who the requests come from; shows in createdBy/lastModifiedBy and Author/Editor lookup ids.</summary>
    public Actor Caller { get; set; } = DefaultCaller;

    public static Actor DefaultCaller { get; } = new("8f0b6a4e-5b1c-4a36-9f5e-7d2a1c3b4e50", "Norddjurs TeamsRisk", true, 3);

    internal List<SiteState> Sites { get; } = [];

    internal Dictionary<string, UserState> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal List<SentMail> Mail { get; } = [];

    internal List<TeamsAppState> TeamsApps { get; } = [];

    internal List<InstalledApp> Installations { get; } = [];

    internal List<ActivityNotification> Notifications { get; } = [];

    internal Random Random => _random;

    internal DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Answers one request: admin API, or fault rules, latency and then the Graph routes.</summary>
    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = request.Header("client-request-id") ?? Guid.NewGuid().ToString();
        var target = RequestTarget.Parse(request.RawTarget);
        EmulatorResponse response;
        FaultRule? fault = null;
        if (!request.IsBatchStep && target.Segments.Count > 0 && target.Segments[0] == AdminApi.Prefix)
        {
            response = Guard(() => AdminApi.Handle(this, request, target), requestId, clientRequestId);
        }
        else if (request.Body is { Length: var length } && length > Options.MaxRequestBytes)
        {
            response = ErrorResponse(new GraphException(413, "requestEntityTooLarge", $"The request body ({length} bytes) is larger than {Options.MaxRequestBytes} bytes."), requestId, clientRequestId);
        }
        else if (target.Segments.Count == 0 || target.Segments[0] != "v1.0")
        {
            response = ErrorResponse(new GraphException(404, "invalidRequest", "Invalid version: only /v1.0 is served."), requestId, clientRequestId);
        }
        else
        {
            (response, fault) = await ServeGraphAsync(request, target, requestId, clientRequestId, cancellationToken).ConfigureAwait(false);
        }
        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = clientRequestId;
        response.Headers["Date"] = Now.ToString("r", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _log.Add(new RequestLogEntry(
                ++_requestSequence, Now, request.Method, request.RawTarget, response.Status, request.IsBatchStep,
                request.Header("client-request-id"), request.Header("Retry-Attempt"), request.Header("User-Agent"), fault?.Describe()));
        }
        return response;
    }

    /// <summary>Fault rules and the RU meter first, then latency, then the routes (or the fault's answer).</summary>
    private async Task<(EmulatorResponse Response, FaultRule? Fault)> ServeGraphAsync(
        EmulatorRequest request, RequestTarget target, string requestId, string clientRequestId, CancellationToken cancellationToken)
    {
        var path = "/" + string.Join('/', target.Segments.Skip(1));
        FaultRule? fault;
        Dictionary<string, string>? meterHeaders = null;
        lock (_gate)
        {
            var caller = new RequestContext(this, request, target).Caller.Id;
            fault = _faults.FirstOrDefault(f => f.TryFire(request.Method, path, ListIdOf(target), request.IsBatchStep, caller, Now, _random));
            if (fault is null && Options.ResourceUnitsPerMinute is { } budget)
            {
                var (throttled, headers) = _meter.Charge(caller, ResourceUnitMeter.Cost(request.Method, target), Now, budget);
                meterHeaders = headers;
                fault = throttled ? new FaultRule { Status = 429, Code = "activityLimitReached", Message = "Resource unit budget exceeded." } : null;
            }
        }
        var delay = Options.Latency + (fault?.Delay ?? TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
        }
        EmulatorResponse response;
        if (fault is { ResetConnection: true })
        {
            response = new EmulatorResponse(0) { ResetConnection = true };
        }
        else if (fault is { CommitThenFail: false, Status: > 0 })
        {
            response = FaultResponse(fault, requestId, clientRequestId);
        }
        else
        {
            response = await DispatchAsync(request, target, requestId, clientRequestId, cancellationToken).ConfigureAwait(false);
            if (fault is { CommitThenFail: true })
            {
                response = FaultResponse(fault, requestId, clientRequestId);
            }
        }
        foreach (var (name, value) in meterHeaders ?? [])
        {
            response.Headers[name] = value;
        }
        return (response, fault);
    }

    private async Task<EmulatorResponse> DispatchAsync(
        EmulatorRequest request, RequestTarget target, string requestId, string clientRequestId, CancellationToken cancellationToken)
    {
        if (target.Segments.Count == 2 && target.Segments[1] == "$batch")
        {
            try
            {
                return await BatchEndpoint.HandleAsync(this, request, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphException e)
            {
                return ErrorResponse(e, requestId, clientRequestId);
            }
        }
        lock (_gate)
        {
            return Guard(() => Router.Dispatch(new RequestContext(this, request, target)), requestId, clientRequestId);
        }
    }

    private EmulatorResponse Guard(Func<EmulatorResponse> handle, string requestId, string clientRequestId)
    {
        try
        {
            return handle();
        }
        catch (GraphException e)
        {
            return ErrorResponse(e, requestId, clientRequestId);
        }
    }

    internal EmulatorResponse ErrorResponse(GraphException error, string requestId, string clientRequestId)
    {
        var response = EmulatorResponse.Json(error.Status, GraphException.Body(error.Code, error.Message, requestId, clientRequestId, Now));
        foreach (var header in error.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }
        return response;
    }

    private EmulatorResponse FaultResponse(FaultRule fault, string requestId, string clientRequestId)
    {
        var code = fault.Code ?? fault.Status switch
        {
            429 => "activityLimitReached",
            503 => "serviceNotAvailable",
            504 => "gatewayTimeout",
            _ => "generalException",
        };
        var response = ErrorResponse(new GraphException(fault.Status, code, fault.Message ?? "Injected fault. Please retry again later."), requestId, clientRequestId);
        if (fault.RetryAfter is not null)
        {
            response.Headers["Retry-After"] = fault.RetryAfter;
        }
        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        return response;
    }

    private static Guid? ListIdOf(RequestTarget target)
    {
        for (var i = 0; i < target.Segments.Count - 1; i++)
        {
            if (target.Segments[i] == "lists" && Guid.TryParse(target.Segments[i + 1], out var id))
            {
                return id;
            }
        }
        return null;
    }
}
