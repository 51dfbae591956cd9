using System.Net;
using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>design.md §3 over HTTP, each role with its own token: from the coordinator's import to a completed measure, then the audit export verifies.</summary>
public sealed class WholeFlowTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Import_round_walk_submit_approve_decide_and_follow_up_then_the_exported_audit_trail_verifies()
    {
        await ApiWalk.ImportAsync(_api);
        var id = (await ApiWalk.StartRoundAsync(_api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
        await ApiWalk.SubmittedAsync(_api, id);

        using (var approved = await _api.PostAsync(Callers.Committee, ApiWalk.PathOf(id) + "/approve", ApiWalk.Recommendations))
        {
            Assert.Equal("Escalated", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, approved))["state"]);
        }

        var decision = new { kind = "EndorseMeasures" };
        using (var first = await _api.PostAsync(Callers.AreaManager, $"/api/escalations/{Uri.EscapeDataString(id + ":" + ApiWalk.Network)}/decision", decision))
        {
            Assert.Equal("Escalated", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, first))["assessmentState"]);
        }

        using (var last = await _api.PostAsync(Callers.AreaManager, $"/api/escalations/{Uri.EscapeDataString(id + ":" + ApiWalk.Ransomware)}/decision", decision))
        {
            Assert.Equal("Decided", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, last))["assessmentState"]);
        }

        var measure = "/api/measures/" + Uri.EscapeDataString(id + ":backup");
        using (var started = await _api.PostAsync(Callers.Owner, measure + "/start"))
        {
            Assert.Equal("Igangsat", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, started))["status"]);
        }

        using (var outOfScale = await _api.PostAsync(Callers.Owner, measure + "/complete", new { effectivenessNote = "Gendannelse testet", residualLikelihood = 9, residualConsequence = 2 }))
        {
            var problem = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, outOfScale);
            Assert.Contains("measure.residual_out_of_range", problem.ToJsonString(), StringComparison.Ordinal);
        }

        using (var completed = await _api.PostAsync(Callers.Owner, measure + "/complete", new { effectivenessNote = "Gendannelse testet på 3 timer", residualLikelihood = 1, residualConsequence = 3 }))
        {
            Assert.Equal("Gennemført", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, completed))["status"]);
        }

        using (var read = await _api.GetAsync(Callers.Owner, ApiWalk.PathOf(id)))
        {
            var body = await ApiWalk.ExpectAsync(HttpStatusCode.OK, read);
            Assert.Equal("Decided", (string?)body["state"]);
            Assert.Empty(body["availableActions"]!.AsArray());
        }

        await _api.AuditSealedAsync();
        using var export = await _api.GetAsync(Callers.Auditor, "/api/audit/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("export.jsonl", export.Content.Headers.ContentDisposition?.FileName);
        var verified = AuditExport.Verify(await export.Content.ReadAsStringAsync());
        Assert.True(verified.IsSuccess, string.Join("; ", verified.Errors));
        Assert.Contains(AuditAction.MeasureCompleted.ToString(), await export.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var verify = await _api.GetAsync(Callers.Coordinator, "/api/audit/verify");
        var report = await ApiWalk.ExpectAsync(HttpStatusCode.OK, verify);
        Assert.True((bool)report["intact"]!);
        Assert.Equal(verified.Value.Count, (long)report["count"]!);
    }
}
