using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

/// <summary>Records what reached the seam and answers as told (style-examples.md §6: a recording fake, no mocks).</summary>
public sealed class RecordingActivityHandler : IActivityHandler
{
    public ConcurrentQueue<(InboundActivity Activity, TurnContext Context)> Calls { get; } = new();

    public Func<InboundActivity, CancellationToken, Task<ActivityResponse>> Respond { get; set; } =
        (_, _) => Task.FromResult(ActivityResponse.Ok);

    public Task<ActivityResponse> HandleAsync(InboundActivity activity, TurnContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue((activity, context));
        return Respond(activity, cancellationToken);
    }
}
