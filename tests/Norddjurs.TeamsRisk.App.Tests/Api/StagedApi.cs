using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// One app staged once for the access facts, which change nothing: OMS-01 submitted (its measures planned),
/// DEMO-SAG opened, DEMO-BOOK invited (all three the owner's), ØKO-02 invited (the other owner's); the audit sealed.
/// </summary>
public sealed class StagedApi : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public string Submitted { get; private set; } = string.Empty;

    public string InProgress { get; private set; } = string.Empty;

    public string Invited { get; private set; } = string.Empty;

    public string OtherOwners { get; private set; } = string.Empty;

    public string RoundId => ApiWalk.RoundOf(Submitted);

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await ApiWalk.ImportAsync(Api);
        var ids = await ApiWalk.StartRoundAsync(Api, ApiWalk.HomeCare, "DEMO-SAG", ApiWalk.DemoBooking, ApiWalk.Finance);
        (Submitted, InProgress, Invited, OtherOwners) = (ids[ApiWalk.HomeCare], ids["DEMO-SAG"], ids[ApiWalk.DemoBooking], ids[ApiWalk.Finance]);
        await ApiWalk.SubmittedAsync(Api, Submitted);
        using (var open = await Api.PostAsync(Callers.Owner, ApiWalk.PathOf(InProgress) + "/open"))
        {
            await ApiWalk.ExpectAsync(System.Net.HttpStatusCode.OK, open);
        }

        await Api.AuditSealedAsync();
    }

    public Task DisposeAsync() => Api.DisposeAsync();

    /// <summary>Everything a refused call must leave as it was.</summary>
    public Task<string> FingerprintAsync() => Api.FingerprintAsync(
        (DocumentKinds.Assessment, Submitted), (DocumentKinds.Assessment, InProgress), (DocumentKinds.Assessment, Invited), (DocumentKinds.Assessment, OtherOwners),
        (DocumentKinds.Measure, Submitted + ":backup"));
}
