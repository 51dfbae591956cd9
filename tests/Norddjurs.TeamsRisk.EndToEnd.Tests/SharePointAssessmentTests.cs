using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// Issue 7's "Checked by" without a tenant: the standalone Graph emulator, the site provisioned twice through the App's
/// <c>provision</c> command (the second run changes nothing), then the App in Development with
/// <c>Storage:Provider=SharePoint</c> and no credentials, and Alex Wilber's whole assessment in the Agents Playground.
/// What he submitted is then read straight from the emulator's lists.
/// </summary>
public sealed class SharePointAssessmentTests(ITestOutputHelper log)
{
    private static readonly Uri Site = new("https://norddjurs.sharepoint.com/sites/Informationssikkerhed");

    [Fact]
    public async Task An_assessment_completed_in_the_Playground_on_SharePoint_lands_in_the_emulators_lists()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var graph = await GraphEmulatorProcess.StartAsync(Site);
        string[] provision = ["provision", "--site", Site.AbsoluteUri, $"Graph:BaseUrl={graph.BaseUrl}"];
        var first = await AppCommand.RunAsync(provision, timeout.Token);
        var second = await AppCommand.RunAsync(provision, timeout.Token);
        log.WriteLine(first.Output);
        log.WriteLine(second.Output);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Færdig: webstedet svarer nu til skemaversion {ListSchema.Version}.", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("oprettet", second.Output, StringComparison.Ordinal);
        Assert.Contains($"Intet ændret: webstedet svarede allerede til skemaversion {ListSchema.Version}.", second.Output, StringComparison.Ordinal);

        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "SharePoint",
            ["Storage:SharePoint:SiteUrl"] = Site.AbsoluteUri,
            ["Graph:BaseUrl"] = graph.BaseUrl,
        };
        await PlaygroundSession.RunAsync(log, settings, async (session, ct) =>
        {
            var assessmentId = await FullAssessmentTests.SubmitAsync(session.Client, log, ct);

            var api = new DevApi(session.App.CreateClient());
            Assert.Equal("Submitted", (string?)(await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(assessmentId)}", DevApi.AlexWilber, ct))["state"]);
            await FullAssessmentTests.AssertAuditChainHoldsTheSubmissionAsync(api, assessmentId, ct);

            var assessment = Assert.Single(await ItemsAsync(graph, DocumentKinds.Assessment, ct), f => Text(f, ColumnNames.DocId) == assessmentId);
            Assert.Contains("Submitted", Text(assessment, ColumnNames.Body), StringComparison.Ordinal);
            Assert.Single(await ItemsAsync(graph, DocumentKinds.Snapshot, ct), f => Text(f, ColumnNames.ForIndex("assessmentId")) == assessmentId);
            Assert.Contains(await graph.ItemsAsync(Site, ListSchema.AuditEntriesKey, ct), f =>
                Text(f, ColumnNames.EntryJson) is { } entry && entry.Contains("AssessmentSubmitted", StringComparison.Ordinal) && entry.Contains(assessmentId, StringComparison.Ordinal));
            Assert.Contains(await graph.ItemsAsync(Site, ListSchema.OutboxKey, ct), f =>
                Text(f, ColumnNames.OrderingKey) == "role:committee" && Text(f, ColumnNames.MessageKind) == OutboxKinds.TeamsSend
                && Text(f, ColumnNames.Payload) is { } payload && payload.Contains("assessment.submitted", StringComparison.Ordinal) && payload.Contains(assessmentId, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(150));
    }

    private static Task<IReadOnlyList<JsonObject>> ItemsAsync(GraphEmulatorProcess graph, string kind, CancellationToken ct) =>
        graph.ItemsAsync(Site, ListSchema.DocumentListKeys[kind], ct);

    private static string? Text(JsonObject fields, string column) => (string?)fields[column];
}
