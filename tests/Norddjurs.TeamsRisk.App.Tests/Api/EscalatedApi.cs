using System.Net;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>One app staged once with OMS-01 approved and escalated (network and ransomware lines), its measures planned.</summary>
public sealed class EscalatedApi : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public string AssessmentId { get; private set; } = string.Empty;

    public string NetworkEscalation => "/api/escalations/" + Uri.EscapeDataString(AssessmentId + ":" + ApiWalk.Network) + "/decision";

    public string BackupMeasure => "/api/measures/" + Uri.EscapeDataString(AssessmentId + ":backup");

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await ApiWalk.ImportAsync(Api);
        AssessmentId = (await ApiWalk.StartRoundAsync(Api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
        await ApiWalk.SubmittedAsync(Api, AssessmentId);
        using var approved = await Api.PostAsync(Callers.Committee, ApiWalk.PathOf(AssessmentId) + "/approve", ApiWalk.Recommendations);
        await ApiWalk.ExpectAsync(HttpStatusCode.OK, approved);
    }

    public Task DisposeAsync() => Api.DisposeAsync();

    public Task<string> FingerprintAsync() => Api.FingerprintAsync(
        (DocumentKinds.Assessment, AssessmentId), (DocumentKinds.Escalation, AssessmentId + ":" + ApiWalk.Network),
        (DocumentKinds.Measure, AssessmentId + ":backup"), (DocumentKinds.Measure, AssessmentId + ":net"));
}
