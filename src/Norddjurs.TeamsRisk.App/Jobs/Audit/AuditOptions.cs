using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Jobs.Audit;

/// <summary><c>Audit:*</c>: how the sealer polls and holds its lease (design.md §6).</summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The fallback when no commit in this process wakes the sealer, while rounds find work; idle it backs off to
    /// <see cref="MaxIdleInterval"/>. A standby instance asks for the lease at the same pace.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait after rounds that found nothing (doubling from <see cref="PollInterval"/>). It bounds how late the
    /// holder seals another instance's commits (its own wake it at once) and how often an idle holder reads SharePoint.
    /// At most half the lease: the holder renews once half of it has run out, and idle it is woken for that anyway, but a
    /// standby then still asks for an expired lease within half a lease more.
    /// </summary>
    public TimeSpan MaxIdleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the sealer lease lasts unrenewed: how soon a standby takes over from a crashed holder.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Intents sealed in one store transaction.</summary>
    public int BatchSize { get; set; } = 100;
}

internal sealed class AuditOptionsValidation : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Audit:PollInterval must be positive; it is {options.PollInterval}.");
        }

        // The holder renews once half the lease has run out; two polls per lease leave room for one slow round.
        if (options.LeaseDuration < 2 * options.PollInterval)
        {
            failures.Add($"Audit:LeaseDuration ({options.LeaseDuration}) must be at least twice Audit:PollInterval ({options.PollInterval}), or the sealer loses its lease between rounds.");
        }

        if (options.MaxIdleInterval < options.PollInterval || options.MaxIdleInterval > options.LeaseDuration / 2)
        {
            failures.Add($"Audit:MaxIdleInterval ({options.MaxIdleInterval}) must be between Audit:PollInterval ({options.PollInterval}) and half of Audit:LeaseDuration ({options.LeaseDuration}).");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"Audit:BatchSize must be 1–1000; it is {options.BatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
