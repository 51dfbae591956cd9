using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary>A sender for one outbox kind (<see cref="OutboxKinds"/>), as registered with <c>AddOutboxSender</c>.</summary>
internal sealed record OutboxSenderRegistration(string Kind, IOutboxSender Sender);

/// <summary>
/// The sender of each outbox kind. A later registration for a kind replaces an earlier one, so the Teams and mail
/// senders, when they arrive, take over from the logging sender that stands in for every kind today.
/// </summary>
internal sealed class OutboxSenders
{
    private readonly Dictionary<string, IOutboxSender> _byKind = new(StringComparer.Ordinal);

    public OutboxSenders(IEnumerable<OutboxSenderRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        foreach (var registration in registrations)
        {
            _byKind[registration.Kind] = registration.Sender;
        }
    }

    /// <summary>The kind's sender, or null: the dispatcher dead-letters a row nobody can deliver.</summary>
    public IOutboxSender? For(string kind) => _byKind.GetValueOrDefault(kind);
}
