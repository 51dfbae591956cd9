using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The committee returns a submission in the tab: refused without a comment (nothing stored changes), then Returned
/// with the comment stored for the owner and AssessmentReturned by Karen Holm in the trail.
/// </summary>
public sealed class TabCommitteeReturnTests(ITestOutputHelper log)
{
    private const string System = "Lokalebooking (demo)";
    private const string Comment = "Beskriv de eksisterende foranstaltninger nærmere (E2E)";

    [Fact]
    public async Task Karen_Holm_returns_a_submission_with_a_comment_in_the_tab()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var api = new DevApi(app.CreateClient());
        var page = await browser.NewPageAsync(app);
        try
        {
            var id = await TabSubmission.SubmitAsync(browser, app, System, highEvents: 0, log);
            await TabBrowser.SignInAsync(page, "Karen Holm", "tab/committee");
            var submission = page.Locator("article.tr-submission").Filter(new() { HasText = System });

            await TabSteps.Button(page, "Send retur").ClickAsync();
            await submission.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex("Skriv en kommentar til systemejeren") }).WaitForAsync();
            Assert.Equal("Submitted", await TabCommitteeReviewTests.StateAsync(api, id));

            await submission.Locator("textarea[id$=-comment]").FillAsync(Comment);
            await TabSteps.Button(page, "Send retur").ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Vurderingen er sendt retur til systemejeren." }).WaitForAsync();

            var stored = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.AlexWilber, CancellationToken.None);
            Assert.Equal("Returned", (string?)stored["state"]);
            Assert.Equal(Comment, (string?)stored["returnComment"]);
            var entries = await TabAudit.WaitForAsync(api, e => TabCommitteeReviewTests.Is(e, "AssessmentReturned", id));
            var returned = Assert.Single(entries, e => TabCommitteeReviewTests.Is(e, "AssessmentReturned", id));
            Assert.Equal(DevApi.KarenHolm, (string?)returned["actor"]?["objectId"]);
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }
}
