namespace Norddjurs.TeamsRisk.Graph.Connection;

/// <summary>
/// <c>Graph:*</c> (design.md §10): where Graph is and the app-only credential to call it with. Exactly one credential:
/// a client secret, a certificate, or the managed identity. Only a loopback <see cref="BaseUrl"/> (the Graph emulator)
/// may go without one — real Graph is never on loopback, and no token is sent anywhere else.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX (or PEM with key) file holding the app registration's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>App Service's managed identity; <see cref="ClientId"/>, when set, picks a user-assigned identity.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>True when one of <see cref="ClientSecret"/>, <see cref="CertificatePath"/> or <see cref="UseManagedIdentity"/> is set.</summary>
    public bool HasCredential => !string.IsNullOrWhiteSpace(ClientSecret) || !string.IsNullOrWhiteSpace(CertificatePath) || UseManagedIdentity;

    /// <summary>True when <see cref="BaseUrl"/> points at this machine, i.e. at the Graph emulator (graph-sharepoint.md §7.8).</summary>
    public bool IsLoopback => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>What is wrong, each naming the setting to fix; empty when the options can build a client.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            problems.Add($"{Section}:BaseUrl must be an absolute URL such as {DefaultBaseUrl}.");
            return problems;
        }

        if (baseUrl.AbsolutePath.TrimEnd('/') != "/v1.0")
        {
            // The SDK cuts the first five characters of a batch step's path (graph-sharepoint.md §7.8).
            problems.Add($"{Section}:BaseUrl must end in exactly /v1.0 after the host, e.g. {DefaultBaseUrl}.");
        }

        if (baseUrl.Scheme == "http" && !baseUrl.IsLoopback)
        {
            problems.Add($"{Section}:BaseUrl must use https unless it is a loopback address.");
        }

        var credentials = new[] { !string.IsNullOrWhiteSpace(ClientSecret), !string.IsNullOrWhiteSpace(CertificatePath), UseManagedIdentity }.Count(set => set);
        if (credentials > 1)
        {
            problems.Add($"{Section}:ClientSecret, {Section}:CertificatePath and {Section}:UseManagedIdentity exclude each other; set one.");
        }
        else if (credentials == 0 && !baseUrl.IsLoopback)
        {
            problems.Add($"{Section}:ClientSecret, {Section}:CertificatePath or {Section}:UseManagedIdentity must be set for {baseUrl.Host}.");
        }

        if (!UseManagedIdentity && credentials == 1)
        {
            if (string.IsNullOrWhiteSpace(TenantId))
            {
                problems.Add($"{Section}:TenantId is missing.");
            }

            if (string.IsNullOrWhiteSpace(ClientId))
            {
                problems.Add($"{Section}:ClientId is missing.");
            }
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            problems.Add($"{Section}:CertificatePath names a file that does not exist: {CertificatePath}.");
        }

        return problems;
    }

    /// <summary>Throws naming the first setting to fix; for code that builds a client outside the host's options validation.</summary>
    public void ThrowIfInvalid()
    {
        if (Problems() is [var first, ..])
        {
            throw new InvalidOperationException(first);
        }
    }
}
