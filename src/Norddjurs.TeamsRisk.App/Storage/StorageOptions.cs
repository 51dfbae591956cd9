using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Storage;

public enum StorageProvider
{
    Sqlite,
    SharePoint,
}

/// <summary>
/// <c>Storage:*</c> (design.md §10): the provider (SQLite by default, or SharePoint lists through Graph) and
/// how long applied-change records keep answering replays (§2.2) before they are pruned.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary><c>Storage:SharePoint:*</c>, read only when <see cref="Provider"/> is SharePoint.</summary>
    public SharePointStorageOptions SharePoint { get; set; } = new();

    /// <summary>
    /// Days an idempotency key is remembered. A replay within them answers as the first time; an older key would
    /// apply again. Teams retries within minutes and a client's request id lives for a session, so 30 days is ample.
    /// </summary>
    public int AppliedChangeRetentionDays { get; set; } = 30;

    /// <summary>How often the pruning job runs (and a standby instance asks for its lease).</summary>
    public TimeSpan AppliedChangePruneInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan AppliedChangeRetention => TimeSpan.FromDays(AppliedChangeRetentionDays);
}

internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.AppliedChangeRetentionDays is < StorageOptions.MinRetentionDays or > StorageOptions.MaxRetentionDays)
        {
            failures.Add($"Storage:AppliedChangeRetentionDays must be {StorageOptions.MinRetentionDays}–{StorageOptions.MaxRetentionDays}; it is {options.AppliedChangeRetentionDays}.");
        }

        if (options.AppliedChangePruneInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"Storage:AppliedChangePruneInterval must be at least one minute; it is {options.AppliedChangePruneInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
