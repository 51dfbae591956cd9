using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Sqlite;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary>Whether the configured store answers now, for <c>/healthz</c>: which provider and its schema version, or null.</summary>
internal sealed class StoreHealth(IServiceProvider services, IOptions<StorageOptions> options)
{
    public async Task<(string Provider, int SchemaVersion)?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.SharePoint)
        {
            try
            {
                return ("sqlite", services.GetRequiredService<SqliteRiskStore>().SchemaVersion());
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                return null;
            }
        }

        var opener = services.GetRequiredService<SharePointStoreOpener>();
        if (!opener.IsOpen)
        {
            return null;
        }

        try
        {
            // One cheap read by an indexed column: the site, the lists and the credential all still answer.
            await (await opener.OpenAsync().ConfigureAwait(false)).GetChainHeadAsync(cancellationToken).ConfigureAwait(false);
            return ("sharepoint", ListSchema.Version);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
