namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>A change already applied under an idempotency key, with the result it answered then (design.md §2.2).</summary>
public sealed record AppliedChange(string? ResultJson);
