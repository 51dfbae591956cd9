using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Storage;

namespace Norddjurs.TeamsRisk.App.Jobs.Reminders;

/// <summary><c>Reminders:*</c>: how often the follow-up job runs the due rules and how much it sends per run (design.md §7).</summary>
internal sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>How often the due rules run; also once at start. Notices are per day, so an hour is prompt enough.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one instance holds the job; a crashed holder's lease frees itself within it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Notices committed per run; the rest go out on the next.</summary>
    public int MaxNoticesPerRun { get; set; } = 200;

    /// <summary>A notice first due longer ago than this is not sent any more (after a long outage).</summary>
    public int LookbackDays { get; set; } = 7;
}

/// <summary>
/// Refuses settings that would run the job too often or send a notice twice: the key that marks a notice as sent
/// is pruned after <c>Storage:AppliedChangeRetentionDays</c>, so the lookback must end before that.
/// </summary>
internal sealed class RemindersOptionsValidation(IOptions<StorageOptions> storage) : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Reminders:Interval must be at least one minute; it is {options.Interval}.");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add($"Reminders:LeaseDuration must be positive; it is {options.LeaseDuration}.");
        }

        if (options.MaxNoticesPerRun is < 1 or > 10_000)
        {
            failures.Add($"Reminders:MaxNoticesPerRun must be 1–10000; it is {options.MaxNoticesPerRun}.");
        }

        var retention = storage.Value.AppliedChangeRetentionDays;
        if (options.LookbackDays < 0 || options.LookbackDays >= retention)
        {
            failures.Add($"Reminders:LookbackDays must be 0 or more and below Storage:AppliedChangeRetentionDays ({retention}), or a notice could be sent twice; it is {options.LookbackDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
