namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>The inbound endpoint's fixed limits (teams-bot-protocol.md §1.1, §4.1).</summary>
public static class InboundLimits
{
    /// <summary>
    /// Bigger than any real activity: Teams caps a message at ~100 KB of UTF-16 (§4.4) and card submits are far smaller.
    /// Refused before parsing, so an oversized body costs no JSON work.
    /// </summary>
    public const int MaxActivityBytes = 256 * 1024;

    /// <summary>Deep enough for any card submit; a deeper body is an attack, not an activity.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>
    /// The handler's budget for an invoke. Teams shows "Unable to reach app" after 5 s (§4.1); stopping at 4 s leaves time
    /// to send the error response inside that window.
    /// </summary>
    public static readonly TimeSpan InvokeHandlerBudget = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The handler's budget for every other activity. The connector re-delivers after ~15 s (§4.1); a message handler
    /// only persists and enqueues, so anything near this is a fault.
    /// </summary>
    public static readonly TimeSpan MessageHandlerBudget = TimeSpan.FromSeconds(10);
}
