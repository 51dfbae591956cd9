namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>The last sealed entry of a chain; kept apart from the entries so truncation shows (design.md §6).</summary>
public sealed record ChainHead(long Seq, string Hash);
