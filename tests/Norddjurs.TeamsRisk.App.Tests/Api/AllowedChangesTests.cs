using System.Net;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>The changes the whole flow does not take, each by the role that may, on a fresh app per test.</summary>
public sealed class AllowedChangesTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new();
    private IReadOnlyDictionary<string, string> _ids = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _api.InitializeAsync();
        await ApiWalk.ImportAsync(_api);
        _ids = await ApiWalk.StartRoundAsync(_api, ApiWalk.HomeCare, ApiWalk.DemoBooking);
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task The_committee_returns_with_a_comment_and_the_owner_opens_it_again()
    {
        var id = _ids[ApiWalk.HomeCare];
        await ApiWalk.SubmittedAsync(_api, id);

        using var blank = await _api.PostAsync(Callers.Committee, ApiWalk.PathOf(id) + "/return", new { comment = " " });
        Assert.Equal(["workflow.comment_required"], await (await Expect(HttpStatusCode.BadRequest, blank)).ErrorCodesAsync());

        using var returned = await _api.PostAsync(Callers.Committee, ApiWalk.PathOf(id) + "/return", new { comment = "Uddyb netværksrisikoen" });
        Assert.Equal("Returned", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, returned))["state"]);

        using var read = await _api.GetAsync(Callers.Owner, ApiWalk.PathOf(id));
        Assert.Equal("Uddyb netværksrisikoen", (string?)(await read.JsonAsync())["returnComment"]);
        using var reopened = await _api.PostAsync(Callers.Owner, ApiWalk.PathOf(id) + "/open");
        Assert.Equal("InProgress", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, reopened))["state"]);
    }

    [Fact]
    public async Task The_coordinator_cancels_an_invited_assessment_with_a_reason()
    {
        var id = _ids[ApiWalk.DemoBooking];

        using var blank = await _api.PostAsync(Callers.Coordinator, ApiWalk.PathOf(id) + "/cancel", new { reason = "" });
        Assert.Equal(["workflow.reason_required"], await (await Expect(HttpStatusCode.BadRequest, blank)).ErrorCodesAsync());

        using var cancelled = await _api.PostAsync(Callers.Coordinator, ApiWalk.PathOf(id) + "/cancel", new { reason = "Systemet udfases" });
        Assert.Equal("Cancelled", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, cancelled))["state"]);

        using var progress = await _api.GetAsync(Callers.Coordinator, $"/api/rounds/{ApiWalk.RoundOf(id)}/progress");
        var owner = (await ApiWalk.ExpectAsync(HttpStatusCode.OK, progress))["owners"]!.AsArray().Single()!;
        Assert.Equal((1, 1), ((int)owner["invited"]!, (int)owner["cancelled"]!));
    }

    [Fact]
    public async Task The_directorate_outranks_the_area_manager_and_the_coordinator_cancels_a_measure()
    {
        var id = _ids[ApiWalk.HomeCare];
        await ApiWalk.SubmittedAsync(_api, id);
        using (var approved = await _api.PostAsync(Callers.Committee, ApiWalk.PathOf(id) + "/approve", ApiWalk.Recommendations))
        {
            await ApiWalk.ExpectAsync(HttpStatusCode.OK, approved);
        }

        var accept = new { kind = "Accept", justification = "Accepteres til udskiftning", acceptedUntil = ApiWalk.Iso(ApiWalk.Today.AddMonths(6)) };
        using var decided = await _api.PostAsync(Callers.Directorate, $"/api/escalations/{Uri.EscapeDataString(id + ":" + ApiWalk.Network)}/decision", accept);
        Assert.Equal("Escalated", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, decided))["assessmentState"]);

        using var cancelled = await _api.PostAsync(Callers.Coordinator, "/api/measures/" + Uri.EscapeDataString(id + ":net") + "/cancel", new { reason = "Erstattet af fiber" });
        Assert.Equal("Annulleret", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, cancelled))["status"]);
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, HttpResponseMessage response)
    {
        await ApiWalk.ExpectAsync(status, response);
        return response;
    }
}
