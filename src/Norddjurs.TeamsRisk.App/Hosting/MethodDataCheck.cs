namespace Norddjurs.TeamsRisk.App.Hosting;

/// <summary>Resolves the method data while the host starts, so invalid data fails start-up rather than the first request.</summary>
internal sealed partial class MethodDataCheck(MethodData data, ILogger<MethodDataCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogLoaded(logger, data.Method.Id, data.Method.Version, data.Method.Sha256, data.Catalogue.Id, data.Catalogue.Version, data.Catalogue.Sha256);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1001, LogLevel.Information, "Method {MethodId} {MethodVersion} ({MethodSha256}) and catalogue {CatalogueId} {CatalogueVersion} ({CatalogueSha256}) loaded")]
    private static partial void LogLoaded(ILogger logger, string methodId, string methodVersion, string methodSha256, string catalogueId, string catalogueVersion, string catalogueSha256);
}
