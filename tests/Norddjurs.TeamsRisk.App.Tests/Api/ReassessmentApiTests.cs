using System.Net;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// <c>POST /api/systems/{id}/reassess</c> (risk-method.md §2.3): the coordinator starts an ad-hoc assessment with a
/// trigger and a note; every other role is refused, bad input is a 400 problem, and a refusal changes nothing.
/// </summary>
public sealed class ReassessmentApiTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    private static string PathOf(string systemId) => $"/api/systems/{Uri.EscapeDataString(systemId)}/reassess";

    [Fact]
    public async Task The_coordinator_starts_one_and_a_second_trigger_is_noted_on_it()
    {
        await ApiWalk.ImportAsync(_api);

        using var started = await _api.PostAsync(Callers.Coordinator, PathOf(ApiWalk.HomeCare), new { trigger = "incident", note = "Ransomware hos leverandøren" });
        var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, started);
        var id = (string)body["assessmentId"]!;
        Assert.True((bool)body["started"]!);

        using (var read = await _api.GetAsync(Callers.Owner, ApiWalk.PathOf(id)))
        {
            Assert.Equal("Invited", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, read))["state"]);
        }

        using var noted = await _api.PostAsync(Callers.Coordinator, PathOf(ApiWalk.HomeCare), new { trigger = "auditFinding", note = "Revisionen peger på backup" });
        var second = await ApiWalk.ExpectAsync(HttpStatusCode.OK, noted);
        Assert.Equal((id, false), ((string)second["assessmentId"]!, (bool)second["started"]!));
    }

    public static TheoryData<string, HttpStatusCode> RefusedCallers => new()
    {
        { "owner", HttpStatusCode.Forbidden }, { "committee", HttpStatusCode.Forbidden }, { "auditor", HttpStatusCode.Forbidden },
        { "directorate", HttpStatusCode.Forbidden }, { "area manager", HttpStatusCode.Forbidden }, { "other owner", HttpStatusCode.Forbidden },
        { "no role", HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(RefusedCallers))]
    public async Task Any_other_role_is_refused_and_nothing_changes(string caller, HttpStatusCode expected)
    {
        await ApiWalk.ImportAsync(_api);
        var before = await FingerprintAsync();

        using var response = await _api.PostAsync(Callers.ByName[caller], PathOf(ApiWalk.HomeCare), new { trigger = "incident", note = "Hændelse" });

        await ApiWalk.ExpectAsync(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("cycle", "Hændelse", "reassessment.trigger_unknown")]
    [InlineData("incident", "", "reassessment.note_required")]
    public async Task Bad_input_is_a_problem_and_nothing_changes(string trigger, string note, string code)
    {
        await ApiWalk.ImportAsync(_api);
        var before = await FingerprintAsync();

        using var response = await _api.PostAsync(Callers.Coordinator, PathOf(ApiWalk.HomeCare), new { trigger, note });

        await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal([code], await response.ErrorCodesAsync());
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task An_unknown_system_is_not_found()
    {
        using var response = await _api.PostAsync(Callers.Coordinator, PathOf("NO-SUCH"), new { trigger = "incident", note = "Hændelse" });
        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, response);
    }

    private async Task<string> FingerprintAsync() =>
        await _api.FingerprintAsync() + "; assessments=" + (await _api.Store.QueryAsync(DocumentKinds.Assessment, DocumentQuery.All(), CancellationToken.None)).Items.Count;
}
