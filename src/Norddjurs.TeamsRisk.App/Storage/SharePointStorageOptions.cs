using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary><c>Storage:SharePoint:*</c> (design.md §10): the provisioned site and how often the recovery sweep runs.</summary>
public sealed class SharePointStorageOptions
{
    public const string SiteUrlKey = "Storage:SharePoint:SiteUrl";

    /// <summary>The site's URL, e.g. <c>https://norddjurs.sharepoint.com/sites/risiko</c>, provisioned with <c>provision</c>.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>How often <see cref="GraphRiskStore.RecoverAsync(CancellationToken)"/> finishes what a crash left pending.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the committee's edits in the assessment list are read back through delta (Graph's Delta/CommitteeEditSync).</summary>
    public TimeSpan CommitteeSyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The status a create hitting a unique column answers (see <see cref="GraphStoreOptions.UniqueViolationStatus"/>).</summary>
    public int UniqueViolationStatus { get; set; } = new GraphStoreOptions().UniqueViolationStatus;

    public GraphStoreOptions ToStoreOptions() => new() { SiteUrl = SiteUrl ?? string.Empty, UniqueViolationStatus = UniqueViolationStatus };
}

/// <summary>
/// SharePoint mode needs the site and a Graph client. Outside Development a credential is required even for a loopback
/// <c>Graph:BaseUrl</c>: only a developer's emulator goes without one. Each failure names the key to set.
/// </summary>
internal sealed class SharePointStorageValidation(IHostEnvironment environment, IOptions<GraphOptions> graph) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.Provider != StorageProvider.SharePoint)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.SharePoint.SiteUrl, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http"))
        {
            failures.Add($"{SharePointStorageOptions.SiteUrlKey} must be the site's URL, e.g. https://norddjurs.sharepoint.com/sites/risiko (Storage:Provider=SharePoint).");
        }

        if (options.SharePoint.RecoveryInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Storage:SharePoint:RecoveryInterval must be at least one second; it is {options.SharePoint.RecoveryInterval}.");
        }

        if (options.SharePoint.CommitteeSyncInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Storage:SharePoint:CommitteeSyncInterval must be at least one second; it is {options.SharePoint.CommitteeSyncInterval}.");
        }

        failures.AddRange(graph.Value.Problems());
        if (!environment.IsDevelopment() && !graph.Value.HasCredential)
        {
            failures.Add($"{GraphOptions.Section}:ClientSecret, {GraphOptions.Section}:CertificatePath or {GraphOptions.Section}:UseManagedIdentity must be set for Storage:Provider=SharePoint outside Development.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }
}
