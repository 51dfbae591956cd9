namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>What a Graph failure means for the store (graph-sharepoint.md §7.7); user-facing text comes from this, never from Graph's message.</summary>
public enum GraphStoreFault
{
    NotFound,
    Conflict,
    Throttled,
    Unavailable,
    BadQuery,
    Forbidden,
}

/// <summary>
/// A fault of the SharePoint store: the change was not confirmed and the caller says "not saved, try again" (design.md §2.1).
/// <see cref="Status"/> is Graph's HTTP status when there was one; <see cref="RetryAfter"/> the advised wait when throttled.
/// </summary>
public sealed class GraphStoreException : Exception
{
    public GraphStoreException(GraphStoreFault fault, int? status, string message, Exception? inner = null, TimeSpan? retryAfter = null)
        : base(message, inner)
    {
        Fault = fault;
        Status = status;
        RetryAfter = retryAfter;
    }

    public GraphStoreException()
        : this(GraphStoreFault.Unavailable, null, "The SharePoint store is unavailable.")
    {
    }

    public GraphStoreException(string message)
        : this(GraphStoreFault.Unavailable, null, message)
    {
    }

    public GraphStoreException(string message, Exception inner)
        : this(GraphStoreFault.Unavailable, null, message, inner)
    {
    }

    public GraphStoreFault Fault { get; }

    public int? Status { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The fault of an HTTP status, per §7.7: 412 and 409 are conflicts the store turns into answers.</summary>
    public static GraphStoreFault FaultOf(int status) => status switch
    {
        404 or 410 => GraphStoreFault.NotFound,
        409 or 412 => GraphStoreFault.Conflict,
        429 or 503 or 504 => GraphStoreFault.Throttled,
        401 or 403 => GraphStoreFault.Forbidden,
        >= 400 and < 500 => GraphStoreFault.BadQuery,
        _ => GraphStoreFault.Unavailable,
    };
}
