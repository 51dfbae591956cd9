using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Routing;

/// <summary>§10.1 b: the same engine on Kestrel at 127.0.0.1 and a random port; the SDK's default pipeline over real HTTP.</summary>
public sealed class LoopbackServerTests
{
    [Fact]
    public async Task The_SDK_resolves_a_site_by_encoded_path_over_loopback_HTTP()
    {
        await using var server = await GraphEmulatorServer.StartAsync();
        var site = server.Emulator.SeedSite("norddjurs.sharepoint.com", "/sites/X");
        using var http = GraphClientFactory.Create();
        var client = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), server.BaseUrl);

        var found = await client.Sites["norddjurs.sharepoint.com:/sites/X"].GetAsync();

        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.EndsWith("/v1.0", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(site.Id, found!.Id);
        Assert.Contains(server.Emulator.RequestLog, e => e.Target == "/v1.0/sites/norddjurs.sharepoint.com%3A%2Fsites%2FX");
    }

    [Fact]
    public async Task A_request_body_over_4_MiB_is_413_over_loopback_and_in_process_and_a_large_one_under_it_is_served()
    {
        await using var server = await GraphEmulatorServer.StartAsync();
        using var http = new HttpClient();
        var limit = server.Emulator.Options.MaxRequestBytes;

        using var tooLarge = await http.PostAsync(server.BaseUrl + "/$batch", Body(limit + 1));
        using var large = await http.PostAsync(server.BaseUrl + "/$batch", Body(limit - 100));
        using var inProcess = new HttpClient(new GraphEmulatorHandler(server.Emulator));
        using var refused = await inProcess.PostAsync("http://127.0.0.1/v1.0/$batch", Body(limit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("requestEntityTooLarge", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    /// <summary>A one-step <c>$batch</c> (a GET whose ignored body pads it) of exactly <paramref name="bytes"/> bytes.</summary>
    private static ByteArrayContent Body(long bytes)
    {
        const string head = "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/sites/root\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"pad\":\"";
        const string tail = "\"}}]}";
        var json = head + new string('x', (int)bytes - head.Length - tail.Length) + tail;
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task NextLinks_point_at_the_loopback_origin_and_PageIterator_follows_them()
    {
        await using var server = await GraphEmulatorServer.StartAsync(new GraphEmulator(options: new EmulatorOptions { DefaultPageSize = 2 }));
        var site = server.Emulator.SeedSite("norddjurs.sharepoint.com", "/sites/X");
        using var http = GraphClientFactory.Create();
        var client = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), server.BaseUrl);
        var list = await client.Sites[site.Id].Lists.PostAsync(new Microsoft.Graph.Models.List { DisplayName = "L" });
        for (var i = 0; i < 5; i++)
        {
            await client.Sites[site.Id].Lists[list!.Id].Items.PostAsync(new Microsoft.Graph.Models.ListItem
            {
                Fields = new Microsoft.Graph.Models.FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = $"t{i}" } },
            });
        }

        var first = await client.Sites[site.Id].Lists[list!.Id].Items.GetAsync(r => r.QueryParameters.Expand = ["fields($select=Title)"]);
        var titles = new List<string>();
        await PageIterator<Microsoft.Graph.Models.ListItem, Microsoft.Graph.Models.ListItemCollectionResponse>
            .CreatePageIterator(client, first!, item => { titles.Add((string)item.Fields!.AdditionalData["Title"]); return true; })
            .IterateAsync();

        Assert.StartsWith(server.BaseUrl + "/", first!.OdataNextLink, StringComparison.Ordinal);
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], titles);
    }

    [Theory]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com%3A%2Fsites%2FX")]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com:/sites/X:")]
    public async Task Kestrel_keeps_the_raw_target_so_every_path_form_resolves(string target)
    {
        await using var server = await GraphEmulatorServer.StartAsync();
        var site = server.Emulator.SeedSite("norddjurs.sharepoint.com", "/sites/X");
        using var http = new HttpClient();

        var response = await http.GetAsync(server.Origin + target);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(site.Id, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_are_gzipped_when_the_client_accepts_it()
    {
        await using var server = await GraphEmulatorServer.StartAsync();
        server.Emulator.SeedSite("norddjurs.sharepoint.com", "/sites/X");
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/sites/root");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task The_admin_API_lives_beside_v1_0_and_seeds_a_site()
    {
        await using var server = await GraphEmulatorServer.StartAsync();
        using var http = new HttpClient();

        var seeded = await http.PostAsync(server.Origin + "/_emulator/sites",
            new StringContent("""{"hostname":"norddjurs.sharepoint.com","path":"/sites/Y"}""", System.Text.Encoding.UTF8, "application/json"));
        var site = await http.GetAsync(server.BaseUrl + "/sites/norddjurs.sharepoint.com:/sites/Y");
        var underVersion = await http.GetAsync(server.BaseUrl + "/_emulator/requests");

        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, underVersion.StatusCode);
    }
}
