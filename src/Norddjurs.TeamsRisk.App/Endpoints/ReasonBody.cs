namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>The body of a cancellation, of an assessment or a measure: why.</summary>
internal sealed record ReasonBody(string? Reason);
