using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Storage;

public enum StorageProvider
{
    Sqlite,
    SharePoint,
}

/// <summary><c>Storage:Provider</c> (design.md §10): SQLite by default; SharePoint arrives with the Graph store.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}

internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider == StorageProvider.Sqlite
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Storage:Provider=SharePoint is not available in this version; use Sqlite.");
}
