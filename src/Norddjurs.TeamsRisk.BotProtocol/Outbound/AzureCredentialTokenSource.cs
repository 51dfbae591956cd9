using Azure;
using Azure.Core;
using Azure.Identity;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The token from an Azure.Identity credential: a certificate (<see cref="ClientCertificateCredential"/>) or the
/// user-assigned managed identity (<see cref="ManagedIdentityCredential"/>), scope <c>https://api.botframework.com/.default</c> (§3.1).
/// </summary>
public sealed class AzureCredentialTokenSource(TokenCredential credential) : IBotTokenSource
{
    public TokenCredential Credential { get; } = credential;

    public static AzureCredentialTokenSource ForCertificate(string tenantId, string appId, string certificatePath, Uri authorityHost) =>
        new(new ClientCertificateCredential(tenantId, appId, certificatePath, new ClientCertificateCredentialOptions { AuthorityHost = authorityHost }));

    public static AzureCredentialTokenSource ForManagedIdentity(string clientId) =>
        new(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId)));

    public async Task<BotToken> AcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await Credential.GetTokenAsync(new TokenRequestContext([ClientSecretTokenSource.Scope]), cancellationToken).ConfigureAwait(false);
            return new BotToken(token.Token, token.ExpiresOn);
        }
        catch (CredentialUnavailableException e)
        {
            throw new BotTokenException("The credential is unavailable here (no managed identity or certificate).", isTransient: false, innerException: e);
        }
        catch (AuthenticationFailedException e)
        {
            // Azure.Identity has already retried; only a throttled or failing service is worth another try later.
            var transient = e.InnerException is RequestFailedException { Status: 429 or >= 500 };
            throw new BotTokenException("Entra refused or failed the token request.", transient, innerException: e);
        }
    }
}
