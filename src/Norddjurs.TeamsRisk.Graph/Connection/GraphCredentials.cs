using Azure.Core;
using Azure.Identity;

namespace Norddjurs.TeamsRisk.Graph.Connection;

/// <summary>The app-only credential <c>Graph:*</c> asks for (graph-sharepoint.md §8.8).</summary>
public static class GraphCredentials
{
    /// <summary>The one credential configured, or null when none is (allowed only for a loopback emulator).</summary>
    public static TokenCredential? Choose(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        if (options.UseManagedIdentity)
        {
            return string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
        }

        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        }

        return null;
    }
}
