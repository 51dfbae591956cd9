namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Picks the token source from the validated settings (§3.1): secret, certificate, managed identity, none in local
/// development, or — in Development with nothing set — one that refuses every send.</summary>
public static class BotTokenSources
{
    public static IBotTokenSource Create(BotOptions options, HttpClient tokenHttp, TimeProvider time)
    {
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretTokenSource(tokenHttp, options.TokenEndpointBase.AbsoluteUri, options.TenantId!, options.AppId!, options.ClientSecret, time);
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return AzureCredentialTokenSource.ForCertificate(options.TenantId!, options.AppId!, options.CertificatePath, options.TokenEndpointBase);
        }

        if (options.UseManagedIdentity)
        {
            return AzureCredentialTokenSource.ForManagedIdentity(options.AppId!);
        }

        return options.AllowUnauthenticatedLocalDevelopment ? new AnonymousDevelopmentTokenSource() : new UnconfiguredTokenSource();
    }
}
