using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.App.Storage;

/// <summary>
/// Opens the SharePoint store once, asynchronously, on first use. DI builds singletons synchronously; blocking there on
/// Graph calls would risk a sync-over-async deadlock, so everything that needs the store awaits <see cref="OpenAsync"/>
/// instead (<see cref="StoreStartup"/> first, which fails start-up with the store's own message). Disposed with the host,
/// it lets the store finish what it does after its answers (clearing committed changes' marks) before the process ends.
/// </summary>
internal sealed class SharePointStoreOpener : IAsyncDisposable
{
    private readonly Lazy<Task<GraphRiskStore>> _opening;

    public SharePointStoreOpener(GraphServiceClient client, IOptions<StorageOptions> options, TimeProvider time)
    {
        SiteUrl = options.Value.SharePoint.SiteUrl ?? string.Empty;
        var storeOptions = options.Value.SharePoint.ToStoreOptions();
        _opening = new(() => GraphRiskStore.OpenAsync(client, storeOptions, time, CancellationToken.None));
    }

    public string SiteUrl { get; }

    /// <summary>True once the store opened; a failed opening stays failed (start-up stops on it).</summary>
    public bool IsOpen => _opening.IsValueCreated && _opening.Value.IsCompletedSuccessfully;

    public Task<GraphRiskStore> OpenAsync() => _opening.Value;

    public async ValueTask DisposeAsync()
    {
        if (IsOpen)
        {
            await (await _opening.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
