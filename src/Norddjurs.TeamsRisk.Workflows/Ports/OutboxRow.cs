namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>An outbox message with its delivery state. <see cref="Version"/> changes on every transition.</summary>
public sealed record OutboxRow(
    OutboxMessage Message,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? ClaimedBy,
    DateTimeOffset? ClaimedUntil,
    long Version)
{
    /// <summary>When the row was dead-lettered; null while it is pending or sent.</summary>
    public DateTimeOffset? DeadAt { get; init; }
}

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (possibly claimed, possibly waiting for its next attempt).</summary>
    Pending,

    Sent,

    /// <summary>Given up; <see cref="OutboxRow.LastError"/> says why.</summary>
    Dead,
}
