using Azure.Identity;
using Norddjurs.TeamsRisk.Graph.Connection;

namespace Norddjurs.TeamsRisk.Graph.Tests.Connection;

/// <summary><c>Graph:*</c> (design.md §10): a bad configuration names the key to fix; the credential follows the keys set.</summary>
public sealed class GraphOptionsTests
{
    private static GraphOptions Secret() => new() { TenantId = "tenant", ClientId = "client", ClientSecret = "secret" };

    [Fact]
    public void The_defaults_point_at_Graph_v1_and_need_a_credential()
    {
        var options = new GraphOptions();

        Assert.Equal("https://graph.microsoft.com/v1.0", options.BaseUrl);
        Assert.Contains(options.Problems(), p => p.Contains("Graph:ClientSecret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(GraphOptions.TenantId), "Graph:TenantId")]
    [InlineData(nameof(GraphOptions.ClientId), "Graph:ClientId")]
    public void A_missing_key_is_named(string property, string key)
    {
        var options = Secret();
        typeof(GraphOptions).GetProperty(property)!.SetValue(options, null);

        Assert.Equal([$"{key} is missing."], options.Problems());
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/beta")]
    [InlineData("https://graph.microsoft.com/graph/v1.0")]
    [InlineData("http://graph.example/v1.0")]
    [InlineData("not a url")]
    public void The_base_url_must_be_an_https_v1_root(string baseUrl)
    {
        var options = Secret();
        options.BaseUrl = baseUrl;

        Assert.Contains(options.Problems(), p => p.StartsWith("Graph:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_credentials_are_refused()
    {
        var options = Secret();
        options.UseManagedIdentity = true;

        Assert.Contains(options.Problems(), p => p.Contains("exclude each other", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_a_loopback_emulator_may_go_without_a_credential()
    {
        Assert.Empty(new GraphOptions { BaseUrl = "http://127.0.0.1:5190/v1.0" }.Problems());
        Assert.Null(GraphCredentials.Choose(new GraphOptions { BaseUrl = "http://127.0.0.1:5190/v1.0" }));
        Assert.NotEmpty(new GraphOptions { BaseUrl = "https://graph.microsoft.com/v1.0" }.Problems());
    }

    [Fact]
    public void A_certificate_file_that_does_not_exist_is_named()
    {
        var options = new GraphOptions { TenantId = "tenant", ClientId = "client", CertificatePath = "/nowhere/teamsrisk.pfx" };

        Assert.Equal(["Graph:CertificatePath names a file that does not exist: /nowhere/teamsrisk.pfx."], options.Problems());
    }

    [Fact]
    public void The_credential_follows_the_keys_set()
    {
        Assert.IsType<ClientSecretCredential>(GraphCredentials.Choose(Secret()));
        Assert.IsType<ManagedIdentityCredential>(GraphCredentials.Choose(new GraphOptions { UseManagedIdentity = true }));
        var certificate = Path.GetTempFileName();
        try
        {
            Assert.IsType<ClientCertificateCredential>(GraphCredentials.Choose(new GraphOptions { TenantId = "t", ClientId = "c", CertificatePath = certificate }));
        }
        finally
        {
            File.Delete(certificate);
        }

        Assert.Empty(new GraphOptions { UseManagedIdentity = true }.Problems());
    }

    [Fact]
    public void A_client_is_not_built_from_a_broken_configuration()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => GraphClientBuilder.Build(new GraphOptions { ClientSecret = "secret" }));

        Assert.Contains("Graph:TenantId", failure.Message, StringComparison.Ordinal);
    }
}
