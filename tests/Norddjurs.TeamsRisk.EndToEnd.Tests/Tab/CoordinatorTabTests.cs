using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The coordinator's page in headless Chromium against the App (Development, dev sign-in): Pia Skov imports a CSV
/// with a bad row (nothing imported, the row named), then a good one (applied, read back through the API), and starts
/// a round over the imported system, whose status names its owner; she reminds him, and on a fresh page finds the round
/// listed beside the earlier demo round and opens its status again. Pia reads English (her directory language);
/// Alex, Danish. Alex Wilber, an owner, gets the notice, and the
/// server refuses him the same use cases through the API.
/// </summary>
public sealed class CoordinatorTabTests
{
    private const string Header = "systemId;name;status;systemOwner;department";
    private const string GoodRow = "SYS-E2E-1;Kantinesystem (E2E);aktiv;alexw@norddjurs.example;Service";

    [Fact]
    public async Task Pia_Skov_imports_a_bad_file_then_a_good_one_and_starts_a_round_over_it()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        var api = new DevApi(app.CreateClient());
        await TabBrowser.SignInAsync(page, "Pia Skov", "tab/coordinator");
        // Blazor's InputFile listens for a chosen file only once its script has initialised the element.
        await page.WaitForFunctionAsync("() => document.getElementById('import-file')?._blazorInputFileNextFileId !== undefined");

        await page.Locator("#import-file").SetInputFilesAsync(Csv(GoodRow, "SYS-E2E-2;Lønsystem (E2E);ukendt;alexw@norddjurs.example;Økonomi"));

        var problems = page.Locator(".tr-import [role=alert]");
        await problems.WaitForAsync();
        Assert.Contains("Nothing was imported.", await problems.TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Line 3, column status:", (await problems.Locator("li").First.TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, await TabSteps.Button(page, "Apply").CountAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => api.GetTextAsync("api/systems/SYS-E2E-1", DevApi.PiaSkov, CancellationToken.None));

        await page.Locator("#import-file").SetInputFilesAsync(Csv(GoodRow));
        await page.GetByText("Preview: 1 new, 0 changed").WaitForAsync();
        await TabSteps.Button(page, "Apply").ClickAsync();
        await page.GetByText("The import is done: 1 systems saved.").WaitForAsync();
        var stored = await api.GetNodeAsync("api/systems/SYS-E2E-1", DevApi.PiaSkov, CancellationToken.None);
        Assert.Equal("Kantinesystem (E2E)", (string?)stored["name"]);

        await page.GetByLabel("Name of the round").FillAsync("Runde E2E-tab");
        await page.GetByLabel("Deadline for the owners").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Systems (system ids separated by commas)").FillAsync("SYS-E2E-1");
        await TabSteps.Button(page, "Start the round").ClickAsync();

        await page.GetByText("The round has started: 1 invitations, 0 systems skipped.").WaitForAsync();
        var row = page.Locator(".tr-round-status tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("SYS-E2E-1", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Alex Wilber", await row.TextContentAsync(), StringComparison.Ordinal);

        // Alex has not submitted: Pia reminds everyone who has not, and the use case says how many it reached.
        await TabSteps.Button(page, "Remind everyone who has not submitted").ClickAsync();
        await page.GetByText("Reminder sent to 1 system owners about 1 assessments.").WaitForAsync();

        // On a fresh page the round is listed beside the earlier demo round and opens its status per owner.
        await page.GotoAsync("tab/coordinator");
        await TabBrowser.WaitInteractiveAsync(page);
        var listed = page.Locator(".tr-round-list tbody tr").Filter(new LocatorFilterOptions { HasText = "Runde E2E-tab" });
        await listed.WaitForAsync();
        Assert.True(await page.Locator(".tr-round-list tbody tr").CountAsync() >= 2);
        Assert.Equal(0, await page.Locator(".tr-round-status").CountAsync());
        await listed.Locator("fluent-button").ClickAsync();
        var status = page.Locator(".tr-round-status").Filter(new LocatorFilterOptions { HasText = "Round Runde E2E-tab" });
        await status.WaitForAsync();
        Assert.Contains("Alex Wilber", await status.Locator("tbody tr").TextContentAsync(), StringComparison.Ordinal);
        var rounds = await api.GetNodeAsync("api/rounds", DevApi.PiaSkov, CancellationToken.None);
        var listedRound = Assert.Single(rounds["rounds"]!.AsArray(), r => (string?)r!["name"] == "Runde E2E-tab")!;
        Assert.Equal((1, 0), ((int)listedRound["invited"]!, (int)listedRound["submitted"]!));
    }

    [Fact]
    public async Task Alex_Wilber_sees_the_notice_and_the_server_refuses_him_import_and_round()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        await TabBrowser.SignInAsync(page, "Alex Wilber", "tab/coordinator");

        var notice = page.Locator("main [role=alert]");
        await notice.WaitForAsync();
        Assert.Equal("Kun risikokoordinatoren kan importere systemer, starte runder og se notifikationsloggen.", (await notice.TextContentAsync())!.Trim());
        Assert.Equal(0, await page.Locator("#import-file, #round-name").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Koordinator" }).CountAsync());

        using var http = app.CreateClient();
        using var import = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\r\n{GoodRow}\r\n")), "file", "planer.csv" } };
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, "api/systems/import/apply", import));
        using var round = JsonContent.Create(new JsonObject { ["name"] = "Alex' runde", ["deadline"] = "2099-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, "api/rounds", round));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(AsAlex(HttpMethod.Get, "api/systems/SYS-E2E-1", null))).StatusCode);
    }

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "planer.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"),
    };

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, HttpContent content)
    {
        using var response = await http.SendAsync(AsAlex(HttpMethod.Post, path, content));
        return response.StatusCode;
    }

    private static HttpRequestMessage AsAlex(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Dev-User", DevApi.AlexWilber);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
