using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Testing;

/// <summary>Real sealed audit chains for the tests; times are fixed, never the clock.</summary>
public static class AuditChains
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 4, 30, 0, 123, TimeSpan.Zero);

    /// <summary>A risk scoring by a system owner in the bot; <paramref name="n"/> makes ids, times and likelihood differ.</summary>
    public static AuditIntent Intent(int n, AuditAction action = AuditAction.RiskScored) =>
        new(
            $"entry-{n}",
            Start.AddMinutes(n),
            new AuditActor("3f2a-oid", "anne@norddjurs.dk", "Anne Ejer", ["systemOwner"]),
            AuditChannel.Bot,
            $"activity-{n}",
            action,
            new AuditSubject("assessment", "a-1", "3"))
        {
            Context = new AuditContext { AssessmentId = "a-1", SystemId = "sys-7", SystemRecordVersion = 4, MethodId = "nk-risk-method", MethodVersion = "1.0.0" },
            Inputs = new JsonObject { ["likelihood"] = n % 4 + 1, ["rationale"] = "Leverandøren har haft nedbrud" },
            Computed = new JsonObject { ["points"] = 8, ["band"] = "high", ["withinAppetite"] = false },
        };

    /// <summary>Entries 1…<paramref name="count"/>, each sealed two seconds after it occurred.</summary>
    public static IReadOnlyList<AuditEntry> Build(int count)
    {
        var entries = new List<AuditEntry>();
        for (var n = 1; n <= count; n++)
        {
            entries.Add(AuditChain.Seal(entries.LastOrDefault()?.Head, Intent(n), Start.AddMinutes(n).AddSeconds(2)).Value);
        }

        return entries;
    }
}
