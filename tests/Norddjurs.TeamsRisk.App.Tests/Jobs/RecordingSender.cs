using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>One send call: which message, to which recipient, by which dispatcher, at which (fake) time, which attempt.</summary>
internal sealed record Delivery(string MessageId, string OrderingKey, string Dispatcher, DateTimeOffset At, int Attempt);

/// <summary>
/// Records every send in one log shared by all dispatchers (so the log's order is the order sends happened) and
/// answers Delivered unless a message's answers were scripted.
/// </summary>
internal sealed class RecordingSender(string dispatcher, TimeProvider time, ConcurrentQueue<Delivery>? log = null) : IOutboxSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DeliveryResult>> _scripted = new();

    public ConcurrentQueue<Delivery> Log { get; } = log ?? new();

    /// <summary>The message's next sends answer these, in order; after them, Delivered.</summary>
    public RecordingSender Answer(string messageId, params DeliveryResult[] answers)
    {
        foreach (var answer in answers)
        {
            _scripted.GetOrAdd(messageId, _ => new()).Enqueue(answer);
        }

        return this;
    }

    public Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        Log.Enqueue(new Delivery(row.Message.Id, row.Message.OrderingKey, dispatcher, time.GetUtcNow(), row.Attempts + 1));
        var answer = _scripted.TryGetValue(row.Message.Id, out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : new DeliveryResult.Delivered();
        return Task.FromResult(answer);
    }

    public IReadOnlyList<string> Sent(string messageId) =>
        [.. Log.Where(d => d.MessageId == messageId).Select(d => d.Dispatcher)];
}
