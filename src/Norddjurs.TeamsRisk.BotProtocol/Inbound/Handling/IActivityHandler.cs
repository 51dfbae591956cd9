namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// The seam between the protocol and the conversation (the <c>Bot</c> project implements it). Called only for an
/// activity that parsed and passed every step of teams-bot-protocol.md §2.2, once per HTTP request — re-deliveries
/// arrive again, so de-duplicate on <see cref="TurnContext.IdempotencyKey"/> (design.md §2.2).
/// </summary>
public interface IActivityHandler
{
    /// <summary>
    /// Handles one activity. For messages and events: persist or enqueue, then return <see cref="ActivityResponse.Ok"/>
    /// quickly; replies leave through the connector. For invokes: return <see cref="ActivityResponse.Invoke"/> with the
    /// card or message (§4.2), or <see cref="ActivityResponse.NotImplemented"/> for invokes the bot does not support.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the time budget runs out (<see cref="InboundLimits"/>); not the
    /// HTTP request's abort token, since the connector may drop a connection while work should finish (§7.22).</param>
    Task<ActivityResponse> HandleAsync(InboundActivity activity, TurnContext context, CancellationToken cancellationToken);
}
