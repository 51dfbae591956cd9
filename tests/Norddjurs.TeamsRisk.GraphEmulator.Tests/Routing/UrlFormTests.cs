using System.Net;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Routing;

/// <summary>§10.1 and contract test 1: every site address form resolves from the raw request target.</summary>
public sealed class UrlFormTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Theory]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com%3A%2Fsites%2FInformationssikkerhed")]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com:/sites/Informationssikkerhed")]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com:/sites/Informationssikkerhed:")]
    [InlineData("/v1.0/sites/norddjurs.sharepoint.com:/sites/informationssikkerhed")]
    public async Task The_site_resolves_by_encoded_plain_and_closed_path(string target)
    {
        var site = await GetAsync(target);

        Assert.Equal(_graph.Site.Id, site["id"]!.GetValue<string>());
        Assert.Equal("norddjurs.sharepoint.com", site["siteCollection"]!["hostname"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_site_resolves_by_composite_id_with_plain_or_encoded_commas_in_any_case()
    {
        var id = _graph.Site.Id;

        var plain = await GetAsync("/v1.0/sites/" + id.ToUpperInvariant());
        var encoded = await GetAsync("/v1.0/sites/" + id.Replace(",", "%2C", StringComparison.Ordinal));

        Assert.Equal(id, plain["id"]!.GetValue<string>());
        Assert.Equal(id, encoded["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_and_host_forms_give_the_root_site()
    {
        var root = await GetAsync("/v1.0/sites/root");
        var host = await GetAsync("/v1.0/sites/norddjurs.sharepoint.com");

        Assert.NotNull(root["root"]);
        Assert.Equal(root["id"]!.GetValue<string>(), host["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_closed_by_a_colon_continues_into_the_site()
    {
        await _graph.CreateListAsync("Systemer");

        var lists = await GetAsync("/v1.0/sites/norddjurs.sharepoint.com:/sites/Informationssikkerhed:/lists");

        Assert.Equal("Systemer", lists["value"]![0]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_site_path_is_404_itemNotFound_with_Graphs_error_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/sites/norddjurs.sharepoint.com:/sites/Nope");
        request.Headers.Add("client-request-id", "7d6f1c1e-0000-4000-8000-000000000001");

        var response = await _graph.Raw.SendAsync(request);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("itemNotFound", error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.Equal("7d6f1c1e-0000-4000-8000-000000000001", error["innerError"]!["client-request-id"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", error["innerError"]!["date"]!.GetValue<string>());
        Assert.Equal(error["innerError"]!["request-id"]!.GetValue<string>(), response.Headers.GetValues("request-id").Single());
        Assert.Equal("7d6f1c1e-0000-4000-8000-000000000001", response.Headers.GetValues("client-request-id").Single());
    }

    [Theory]
    [InlineData("/beta/sites/root")]
    [InlineData("/v2.0/sites/root")]
    [InlineData("/sites/root")]
    public async Task Only_the_v1_0_root_is_served(string target)
    {
        var response = await _graph.Raw.GetAsync(target);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_route_is_never_a_silent_200()
    {
        var response = await _graph.Raw.GetAsync("/v1.0/drives/abc/root/children");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_Graphs_content_type_and_request_ids()
    {
        var response = await _graph.Raw.GetAsync("/v1.0/sites/root");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
        Assert.True(Guid.TryParse(response.Headers.GetValues("request-id").Single(), out _));
        Assert.True(Guid.TryParse(response.Headers.GetValues("client-request-id").Single(), out _));
        Assert.NotNull(response.Headers.Date);
    }

    private async Task<JsonNode> GetAsync(string target)
    {
        var response = await _graph.Raw.GetAsync(target);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{target} → {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose() => _graph.Dispose();
}
