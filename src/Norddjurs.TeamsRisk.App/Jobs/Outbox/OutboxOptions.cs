using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Outbox;

/// <summary><c>Outbox:*</c>: how the dispatcher polls, claims, paces and retries (design.md §5, teams-bot-protocol.md §3.6).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>The fallback when no commit in this process wakes the dispatcher (another instance, a due retry).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait after rounds that found nothing due (doubling from <see cref="PollInterval"/>). It bounds only what
    /// this instance cannot know of: rows another instance committed but did not send (it crashed), retries it scheduled,
    /// claims that expired. Commits here wake the dispatcher at once, and a retry scheduled here is polled for when due.
    /// </summary>
    public TimeSpan MaxIdleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed row is this instance's; after that another dispatcher may send it again.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a transiently failing row goes to the dead letters.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per instance; Teams allows an app 50 requests/s per tenant in all (teams-bot-protocol.md §3.6).</summary>
    public int MaxSendsPerSecond { get; set; } = 20;

    /// <summary>Due rows read at a time.</summary>
    public int BatchSize { get; set; } = 50;
}

internal sealed class OutboxOptionsValidation : IValidateOptions<OutboxOptions>
{
    public const int SendsPerSecondLimit = 20;

    /// <summary>A card another instance left behind should not wait longer than a user would wait for it.</summary>
    public static readonly TimeSpan MaxIdleLimit = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        Positive(options.PollInterval, "Outbox:PollInterval", failures);
        Positive(options.ClaimDuration, "Outbox:ClaimDuration", failures);
        Positive(options.RetryBaseDelay, "Outbox:RetryBaseDelay", failures);
        if (options.MaxIdleInterval < options.PollInterval || options.MaxIdleInterval > MaxIdleLimit)
        {
            failures.Add($"Outbox:MaxIdleInterval ({options.MaxIdleInterval}) must be between Outbox:PollInterval ({options.PollInterval}) and {MaxIdleLimit}.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"Outbox:RetryMaxDelay ({options.RetryMaxDelay}) must not be shorter than Outbox:RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"Outbox:MaxAttempts must be at least 1; it is {options.MaxAttempts}.");
        }

        if (options.MaxSendsPerSecond is < 1 or > SendsPerSecondLimit)
        {
            failures.Add($"Outbox:MaxSendsPerSecond must be 1–{SendsPerSecondLimit} (Teams' per-app limit, teams-bot-protocol.md §3.6); it is {options.MaxSendsPerSecond}.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"Outbox:BatchSize must be 1–1000; it is {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be positive; it is {value}.");
        }
    }
}
