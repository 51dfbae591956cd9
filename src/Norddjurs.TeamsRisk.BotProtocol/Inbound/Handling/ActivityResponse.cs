namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>The HTTP answer to one activity (teams-bot-protocol.md §1.1, §4.1).</summary>
public sealed record ActivityResponse
{
    private ActivityResponse(int httpStatusCode, InvokeResponse? invokeBody)
    {
        HttpStatusCode = httpStatusCode;
        InvokeBody = invokeBody;
    }

    /// <summary>An empty 200: the answer to every message and event (and to an invoke with nothing to say).</summary>
    public static ActivityResponse Ok { get; } = new(200, null);

    /// <summary>501 with an empty body: an invoke name the bot does not implement (§1.5).</summary>
    public static ActivityResponse NotImplemented { get; } = new(501, null);

    public int HttpStatusCode { get; }

    public InvokeResponse? InvokeBody { get; }

    /// <summary>HTTP 200 with the invoke response as the body; the outcome lives in its <c>statusCode</c> (§4.1).</summary>
    public static ActivityResponse Invoke(InvokeResponse body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ActivityResponse(200, body);
    }
}
