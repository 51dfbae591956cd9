namespace Norddjurs.TeamsRisk.GraphEmulator.Admin;

/// <summary>One request as the emulator answered it; faults fired are named in <see cref="Fault"/> (§10.6).</summary>
public sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset At,
    string Method,
    string Target,
    int Status,
    bool IsBatchStep,
    string? ClientRequestId,
    string? RetryAttempt,
    string? UserAgent,
    string? Fault);
