using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// The register, heatmap, history and export endpoints as every role, another owner (IDOR) and with no or a forged
/// token: only the committee, the coordinator, the auditor and the directorate (which reads every system, design.md §4)
/// read; every refusal is problem details and changes
/// nothing; each export that is handed out is an ExportGenerated audit entry.
/// </summary>
public sealed class RegisterAndExportAccessTests(StagedApi staged) : IClassFixture<StagedApi>
{
    private ApiFactory Api => staged.Api;

    private static readonly string[] Readers = ["committee", "coordinator", "auditor", "directorate"];
    private static readonly string[] Refused = ["owner", "other owner", "area manager", "no role"];

    private string[] Paths =>
    [
        "/api/register",
        "/api/register/heatmap",
        $"/api/register/systems/{ApiWalk.HomeCare}/history",
        "/api/exports/register.xlsx",
        $"/api/exports/systems/{ApiWalk.HomeCare}/report?round={Uri.EscapeDataString(staged.RoundId)}",
    ];

    public static TheoryData<int, string> EveryPathAndCaller
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var path = 0; path < 5; path++)
            {
                foreach (var caller in Readers.Concat(Refused))
                {
                    data.Add(path, caller);
                }
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(EveryPathAndCaller))]
    public async Task Only_the_committee_coordinator_auditor_and_directorate_read_and_a_refusal_changes_nothing(int path, string caller)
    {
        var before = await staged.FingerprintAsync();

        using var response = await Api.GetAsync(Callers.ByName[caller], Paths[path]);

        if (Readers.Contains(caller))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["workflow.role_missing"], await response.ErrorCodesAsync());
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task Without_a_token_or_with_a_forged_one_every_path_is_401_and_nothing_changes()
    {
        var before = await staged.FingerprintAsync();
        var forged = Api.Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.JensKirk, ApiFactory.Time) with { Signing = TokenSigning.UnknownKey, AppRoles = ["Auditor"] });
        using var client = Api.App.CreateClient();
        foreach (var path in Paths)
        {
            using var anonymous = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("directorate")]
    public async Task A_reader_of_the_register_changes_nothing_it_lists(string caller)
    {
        using var register = await Api.GetAsync(Callers.ByName[caller], "/api/register?status=Submitted");
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, register);
        Assert.Contains(body["rows"]!.AsArray(), r => (string?)r!["assessmentId"] == staged.Submitted);
        var before = await staged.FingerprintAsync();

        using var approve = await Api.PostAsync(Callers.ByName[caller], ApiWalk.PathOf(staged.Submitted) + "/approve", new { recommendations = new { } });
        using var cancel = await Api.PostAsync(Callers.ByName[caller], ApiWalk.PathOf(staged.Invited) + "/cancel", new { reason = "Udfases" });
        using var remind = await Api.PostAsync(Callers.ByName[caller], $"/api/rounds/{staged.RoundId}/remind", new { });

        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, approve);
        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, cancel);
        await ApiWalk.ExpectAsync(HttpStatusCode.Forbidden, remind);
        Assert.Equal(before, await staged.FingerprintAsync());
    }

    [Fact]
    public async Task Bad_filters_are_400_problem_details_naming_each_value_in_the_callers_language()
    {
        using var response = await Api.SendAsync(Callers.Committee, HttpMethod.Get, "/api/register?band=purple&page=0&sort=colour", null, null, "en");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["api.query_invalid", "api.query_invalid", "api.query_invalid"], await response.ErrorCodesAsync());
        Assert.Contains(body["errors"]!.AsArray(), e => (string?)e!["message"] == "The value \"purple\" cannot be used as band.");
    }

    [Fact]
    public async Task The_register_workbook_opens_and_its_download_is_an_export_generated_audit_entry()
    {
        using var response = await Api.GetAsync(Callers.Auditor, "/api/exports/register.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            Assert.Equal(5, document.WorkbookPart!.WorksheetParts.Count());
        }

        await Api.AuditSealedAsync();
        var head = await Api.Store.GetChainHeadAsync(CancellationToken.None);
        var recent = await Api.Store.ReadChainAsync(Math.Max(1, head!.Seq - 20), 100, CancellationToken.None);
        Assert.Contains(recent, e => e.Intent.Action == AuditAction.ExportGenerated && e.Intent.Actor.ObjectId == Seeded.JensKirk && e.Intent.Subject.Id == "register.xlsx");
    }

    [Fact]
    public async Task A_report_of_an_unknown_system_or_round_is_404_problem_details()
    {
        using var system = await Api.GetAsync(Callers.Auditor, "/api/exports/systems/NO-SUCH/report");
        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, system);
        using var round = await Api.GetAsync(Callers.Auditor, $"/api/exports/systems/{ApiWalk.HomeCare}/report?round=no-such-round");
        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, round);
    }
}
