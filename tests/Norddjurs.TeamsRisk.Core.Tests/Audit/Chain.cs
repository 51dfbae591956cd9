using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Testing;

namespace Norddjurs.TeamsRisk.Core.Tests.Audit;

/// <summary>The shared chain builder (<see cref="AuditChains"/>) plus the plain JSON Lines these tests tamper with.</summary>
internal static class Chain
{
    public static readonly DateTimeOffset Start = AuditChains.Start;

    public static AuditIntent Intent(int n, AuditAction action = AuditAction.RiskScored) => AuditChains.Intent(n, action);

    public static IReadOnlyList<AuditEntry> Build(int count) => AuditChains.Build(count);

    public static List<string> Lines(int count) => [.. Build(count).Select(e => e.ToJsonLine())];

    public static string Export(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
