using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.GraphEmulator.Faults;

/// <summary>Which requests of a <c>$batch</c> a rule sees (§10.6).</summary>
public enum FaultScope
{
    Any,
    Outer,
    Inner,
}

/// <summary>
/// A fault rule = matcher × action × budget (§10.6). Null matchers match everything. Status 0 means
/// "answer normally" (useful with <see cref="Delay"/> for pure latency).
/// </summary>
public sealed class FaultRule
{
    private int _matched;
    private int _fired;

    public string? Method { get; init; }

    /// <summary>Regex on the decoded path below <c>/v1.0</c>, e.g. <c>/items$</c>.</summary>
    public string? PathPattern { get; init; }

    public Guid? ListId { get; init; }

    public FaultScope Scope { get; init; } = FaultScope.Any;

    /// <summary>Only requests from this caller (app id, or a delegated user's object id); null = anyone.</summary>
    public string? Caller { get; init; }

    /// <summary>Fire on every Nth matching request (1 = each).</summary>
    public int EveryNth { get; init; } = 1;

    /// <summary>Chance (0..1) that a due rule fires, drawn from the seeded RNG.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>The rule is active from this instant (emulator clock); null = at once.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The rule stops at this instant (emulator clock), e.g. a two-minute outage; null = never.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>How many times the rule may fire; null = unlimited.</summary>
    public int? Times { get; init; }

    public int Status { get; init; } = 503;

    /// <summary>Retry-After value as sent: seconds ("1") or an HTTP-date.</summary>
    public string? RetryAfter { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>Extra response headers, e.g. <c>RateLimit-Limit</c>/<c>-Remaining</c>/<c>-Reset</c> (§7.2).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    /// <summary>Apply the request, then answer with <see cref="Status"/> (504 reproduces duplicates after retries).</summary>
    public bool CommitThenFail { get; init; }

    /// <summary>Drop the connection instead of answering.</summary>
    public bool ResetConnection { get; init; }

    public int Fired => _fired;

    internal bool TryFire(string method, string path, Guid? listId, bool isBatchStep, string caller, DateTimeOffset now, Random random)
    {
        if (Caller is not null && !string.Equals(Caller, caller, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if ((From is { } from && now < from) || (Until is { } until && now >= until))
        {
            return false;
        }
        if ((Scope == FaultScope.Outer && isBatchStep) || (Scope == FaultScope.Inner && !isBatchStep))
        {
            return false;
        }
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (PathPattern is not null && !Regex.IsMatch(path, PathPattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            return false;
        }
        if (ListId is { } wanted && wanted != listId)
        {
            return false;
        }
        if (Times is { } budget && _fired >= budget)
        {
            return false;
        }
        _matched++;
        if (_matched % Math.Max(1, EveryNth) != 0)
        {
            return false;
        }
#pragma warning disable CA5394 // seeded, reproducible test randomness, not security
        if (Probability < 1 && random.NextDouble() >= Probability)
#pragma warning restore CA5394
        {
            return false;
        }
        _fired++;
        return true;
    }

    public string Describe() => $"fault {Status} {Code ?? ""} retry-after={RetryAfter ?? "-"} delay={Delay.TotalMilliseconds}ms"
        + (CommitThenFail ? " commit-then-fail" : "") + (ResetConnection ? " reset" : "");
}
