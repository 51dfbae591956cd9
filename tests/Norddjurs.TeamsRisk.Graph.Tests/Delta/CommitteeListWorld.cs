using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Graph.Delta;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorActor = Norddjurs.TeamsRisk.GraphEmulator.Items.Actor;

namespace Norddjurs.TeamsRisk.Graph.Tests.Delta;

/// <summary>
/// The SharePoint store on the emulator with the real use cases over it, a directory with the committee and a stranger,
/// and one submission of the home-care system waiting for the committee; the delta sync has taken its baseline.
/// </summary>
internal sealed class CommitteeListWorld
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public const string Committee = "5eed0000-0000-4000-8000-000000000022";
    public const string Coordinator = "5eed0000-0000-4000-8000-000000000024";
    public const string Stranger = "5eed0000-0000-4000-8000-000000000099";
    private const string HomeCare = "OMS-01";
    private const string CommitteeGroup = "g-committee";
    private const string CoordinatorGroup = "g-coordinator";
    private int _keys;

    private CommitteeListWorld(Emulator emulator, TestSite site, GraphRiskStore store, InMemoryDirectory directory)
    {
        Emulator = emulator;
        Site = site;
        Store = store;
        Services = new UseCaseServices(
            store, directory, new RoleResolver(directory, new RoleGroups(CommitteeGroup, CoordinatorGroup, null, null)),
            new KnownMethodVersions(Examples.Method, Examples.Catalogue), TimeProvider.System);
        Sync = new CommitteeEditSync(store, Services, NullLogger<CommitteeEditSync>.Instance);
    }

    public static CancellationToken Ct => CancellationToken.None;

    public Emulator Emulator { get; }

    public TestSite Site { get; }

    public GraphRiskStore Store { get; }

    public UseCaseServices Services { get; }

    public CommitteeEditSync Sync { get; }

    public string AssessmentId { get; private set; } = string.Empty;

    public Guid AssessmentList => Site.ListId(ListSchema.DocumentListKeys[DocumentKinds.Assessment]);

    public Guid CursorList => Site.ListId(ListSchema.DocumentListKeys[DocumentKinds.SyncCursor]);

    public static async Task<CommitteeListWorld> SubmittedAsync()
    {
        var emulator = new Emulator();
        var site = await TestSite.ProvisionAsync(emulator);
        var directory = new InMemoryDirectory(Tenant);
        directory.Add(Owner, "alexw@norddjurs.example", "Alex Wilber");
        directory.Add(Committee, "karen.holm@norddjurs.example", "Karen Holm", null, CommitteeGroup);
        directory.Add(Coordinator, "pia.skov@norddjurs.example", "Pia Skov", null, CoordinatorGroup);
        directory.Add(Stranger, "ukendt@norddjurs.example", "Ukendt");
        var world = new CommitteeListWorld(emulator, site, await site.OpenStoreAsync(), directory);
        world.AssessmentId = await world.SubmitHomeCareAsync();
        Assert.True((await world.Sync.RunOnceAsync(Ct)).Baseline);

        // The cursor's first save is a create, cleared after the commit answers: settled, so a fault a test adds meets its next save.
        await world.Store.HousekeepingSettled();
        return world;
    }

    /// <summary>A person saves the item in SharePoint's own form: only the fields given change, the item names them as its editor.</summary>
    public void EditAs(string objectId, string name, JsonObject fields) =>
        Emulator.EditItemAs(AssessmentList, ItemId, fields, new EmulatorActor(objectId, name, IsApplication: false, LookupId: 11, Email: name.Replace(' ', '.') + "@norddjurs.example"));

    public int ItemId => int.Parse(Item()["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The assessment's list item as SharePoint holds it now.</summary>
    public JsonObject Item() => Emulator.Items(AssessmentList).Single(i => (string?)i["fields"]!["DocId"] == AssessmentId).AsObject();

    public string? Field(string column) => Item()["fields"]![column]?.ToString();

    public async Task<AssessmentRecord> RecordAsync() =>
        (await Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, AssessmentId, Ct))!.Value;

    public async Task<IReadOnlyList<AuditIntent>> AuditAsync(AuditAction action) =>
        [.. (await Store.ReadPendingAuditIntentsAsync(10_000, Ct)).Where(i => i.Action == action)];

    /// <summary>Every outbox row, straight from the list (the port shows only the first due row per conversation); the tests' changes all commit.</summary>
    public Task<IReadOnlyList<QueuedMessage>> OutboxAsync() =>
        Task.FromResult<IReadOnlyList<QueuedMessage>>([.. Emulator.Items(Site.ListId(ListSchema.OutboxKey))
            .Select(i => i["fields"]!.AsObject())
            .Select(f => new QueuedMessage((string)f[ColumnNames.MessageKind]!, (string)f[ColumnNames.OrderingKey]!, StoreJson.Deserialize<Notification>((string)f[ColumnNames.Payload]!)))]);

    private Request As(string objectId) => new(Actor.Of(Tenant, objectId), $"test-{++_keys}", AuditChannel.Api);

    /// <summary>Imported, invited, and walked to submission by its owner: power accepted, network and ransomware reduced.</summary>
    private async Task<string> SubmitHomeCareAsync()
    {
        var plans = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ContinuityPlanCsv.Template())
            .Replace("anne.eksempel@norddjurs.dk", "alexw@norddjurs.example", StringComparison.Ordinal));
        Assert.True((await new ImportSystems(Services).ApplyAsync(As(Coordinator), plans, "plans.csv", Ct)).IsDone);
        var round = await new StartRound(Services).HandleAsync(As(Coordinator), new RoundInput("Runde 2026", Services.Today.AddDays(30), [HomeCare]), Ct);
        var id = Assert.IsType<Outcome<RoundStarted>.Done>(round).Value.AssessmentIds.Single();
        Assert.True((await new OpenAssessment(Services).HandleAsync(As(Owner), id, Ct)).IsDone);
        await StepAsync(id, ((FactsStepView)await ViewAsync(id)).Input);
        await StepAsync(id, ((ProfileStepView)await ViewAsync(id)).Input);
        string[] keep = ["PHY-POWER", "TEC-NETWORK", "CYB-RANSOM"];
        var events = (await RecordOfAsync(id)).Assessment.Events;
        await StepAsync(id, new EventsStepInput(keep, events.Where(e => !keep.Contains(e.EventId)).ToDictionary(e => e.EventId, _ => "Dækkes af en anden vurdering")));
        await StepAsync(id, new ScoreStepInput("PHY-POWER", 2, ExpectedOutageHours: 1));
        await StepAsync(id, new ScoreStepInput("TEC-NETWORK", 3, ExpectedOutageHours: 6));
        await StepAsync(id, new ScoreStepInput("CYB-RANSOM", 2, ExpectedOutageHours: 120));
        await StepAsync(id, new TreatmentStepInput("PHY-POWER", TreatmentKind.Accept, "UPS dækker"));
        await StepAsync(id, new TreatmentStepInput("TEC-NETWORK", TreatmentKind.Reduce, "Reduceres", [Measure("net", "Ekstra internetlinje")]));
        await StepAsync(id, new TreatmentStepInput("CYB-RANSOM", TreatmentKind.Reduce, "Reduceres", [Measure("backup", "Uforanderlig backup")]));
        Assert.True((await new SubmitAssessment(Services).HandleAsync(As(Owner), id, Ct)).IsDone);
        return id;
    }

    private async Task StepAsync(string id, StepInput input)
    {
        var outcome = await new SaveStep(Services).HandleAsync(As(Owner), id, input, Ct);
        Assert.True(outcome.IsDone, outcome.ToString());
    }

    private async Task<AssessmentRecord> RecordOfAsync(string id) => (await Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, id, Ct))!.Value;

    private async Task<StepView> ViewAsync(string id) =>
        new GuidedFlow(Examples.Method, Examples.Catalogue, new NoIds()).View((await RecordOfAsync(id)).Flow, Services.Today);

    private MeasureStepInput Measure(string id, string description) => new(id, description, Owner, Services.Today.AddMonths(3), 1, 2);

    internal sealed record QueuedMessage(string Kind, string OrderingKey, Notification Notification);

    private sealed class NoIds : IIdSource
    {
        public string NewId() => throw new InvalidOperationException("A view creates nothing.");
    }
}
