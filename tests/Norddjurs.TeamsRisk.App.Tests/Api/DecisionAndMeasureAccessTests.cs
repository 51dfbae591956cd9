using System.Net;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>Escalation decisions and measures × role: only the band's authority (or higher) decides; the owner or the person responsible moves a measure.</summary>
public sealed class DecisionAndMeasureAccessTests(EscalatedApi escalated) : IClassFixture<EscalatedApi>
{
    private ApiFactory Api => escalated.Api;

    public static TheoryData<string, HttpStatusCode> RefusedDecisions => new()
    {
        { "owner", HttpStatusCode.Forbidden }, { "committee", HttpStatusCode.Forbidden }, { "coordinator", HttpStatusCode.Forbidden },
        { "auditor", HttpStatusCode.Forbidden }, { "other owner", HttpStatusCode.NotFound }, { "no role", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(RefusedDecisions))]
    public async Task A_decision_without_the_authority_is_refused_and_changes_nothing(string caller, HttpStatusCode expected)
    {
        var before = await escalated.FingerprintAsync();

        using var response = await Api.PostAsync(Callers.ByName[caller], escalated.NetworkEscalation, new { kind = "EndorseMeasures" });

        await ApiWalk.ExpectAsync(expected, response);
        Assert.Equal(before, await escalated.FingerprintAsync());
    }

    [Fact]
    public async Task An_unknown_escalation_is_404()
    {
        using var response = await Api.PostAsync(Callers.Directorate, "/api/escalations/no-such/decision", new { kind = "EndorseMeasures" });
        await ApiWalk.ExpectAsync(HttpStatusCode.NotFound, response);
    }

    [Fact]
    public async Task An_incomplete_acceptance_is_400_with_every_error_and_changes_nothing()
    {
        var before = await escalated.FingerprintAsync();

        using var response = await Api.PostAsync(Callers.AreaManager, escalated.NetworkEscalation, new { kind = "Accept" }, language: "en");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.BadRequest, response);
        var codes = body["errors"]!.AsArray().Select(e => (string)e!["code"]!).ToList();
        Assert.Contains("escalation.justification_required", codes);
        Assert.Contains("escalation.acceptance_end_required", codes);
        Assert.All(body["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["message"])));
        Assert.Equal(before, await escalated.FingerprintAsync());
    }

    public static TheoryData<string, string, HttpStatusCode> RefusedMeasureMoves
    {
        get
        {
            var data = new TheoryData<string, string, HttpStatusCode>();
            foreach (var caller in new[] { "committee", "coordinator", "auditor", "directorate" })
            {
                data.Add("start", caller, HttpStatusCode.Forbidden);
            }

            foreach (var caller in new[] { "committee", "auditor", "directorate" })
            {
                data.Add("cancel", caller, HttpStatusCode.Forbidden);
            }

            foreach (var action in new[] { "start", "complete", "cancel" })
            {
                data.Add(action, "other owner", HttpStatusCode.NotFound);
                data.Add(action, "no role", HttpStatusCode.NotFound);
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(RefusedMeasureMoves))]
    public async Task A_measure_move_without_the_role_is_refused_and_changes_nothing(string action, string caller, HttpStatusCode expected)
    {
        var before = await escalated.FingerprintAsync();
        object? body = action switch { "complete" => new { effectivenessNote = "Virker", residualLikelihood = 1, residualConsequence = 2 }, "cancel" => new { reason = "Ikke nødvendig" }, _ => null };

        using var response = await Api.PostAsync(Callers.ByName[caller], escalated.BackupMeasure + "/" + action, body);

        await ApiWalk.ExpectAsync(expected, response);
        Assert.Equal(before, await escalated.FingerprintAsync());
    }
}
