using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// The use cases on a real SQLite file, a directory with one person per role, and a fake clock at 2 March 2026.
/// The register comes from the continuity-plan template, with OMS-01 owned by Alex and ØKO-02 by Carl.
/// </summary>
internal sealed class World : IDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public const string Deputy = "5eed0000-0000-4000-8000-000000000030";
    public const string AreaManager = "3f2b8c1e-5d4a-4e7b-9c21-7a1d2e3f4b5c";
    public const string OtherOwner = "5eed0000-0000-4000-8000-000000000026";
    public const string Committee = "5eed0000-0000-4000-8000-000000000022";
    public const string Director = "5eed0000-0000-4000-8000-000000000023";
    public const string Coordinator = "5eed0000-0000-4000-8000-000000000024";
    public const string Auditor = "5eed0000-0000-4000-8000-000000000025";
    public const string Stranger = "5eed0000-0000-4000-8000-000000000099";
    public const string HomeCare = "OMS-01";

    private const string CommitteeGroup = "g-committee";
    private const string CoordinatorGroup = "g-coordinator";
    private const string AuditorGroup = "g-auditor";
    private const string DirectorateGroup = "g-directorate";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-usecases", Guid.NewGuid().ToString("N"));
    private int _keys;

    public World()
    {
        Directory = new InMemoryDirectory(Tenant);
        Directory.Add(Owner, "alexw@norddjurs.example", "Alex Wilber", managerObjectId: AreaManager);
        Directory.Add(Deputy, "bo.eksempel@norddjurs.dk", "Bo Eksempel");
        Directory.Add(AreaManager, "mette.lund@norddjurs.example", "Mette Lund");
        Directory.Add(OtherOwner, "carl.eksempel@norddjurs.dk", "Carl Eksempel");
        Directory.Add(Committee, "karen.holm@norddjurs.example", "Karen Holm", null, CommitteeGroup);
        Directory.Add(Director, "soeren.bach@norddjurs.example", "Søren Bach", null, DirectorateGroup);
        Directory.Add(Coordinator, "pia.skov@norddjurs.example", "Pia Skov", null, CoordinatorGroup);
        Directory.Add(Auditor, "jens.kirk@norddjurs.example", "Jens Kirk", null, AuditorGroup);
        Directory.Add(Stranger, "ukendt@norddjurs.example", "Ukendt");
        Store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Path.Combine(_folder, "teamsrisk.db") });
        Services = new UseCaseServices(
            Store, Directory, new RoleResolver(Directory, new RoleGroups(CommitteeGroup, CoordinatorGroup, AuditorGroup, DirectorateGroup)),
            new KnownMethodVersions(Examples.Method, Examples.Catalogue), Time);
    }

    public InMemoryDirectory Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public SqliteRiskStore Store { get; }

    public UseCaseServices Services { get; }

    /// <summary>Another app instance, or this one restarted: its own store on the same file, the same directory and clock.</summary>
    public UseCaseServices AnotherInstance() => Services with { Store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Store.Path }) };

    public DateOnly Today => Services.Today;

    public static CancellationToken Ct => CancellationToken.None;

    /// <summary>A request with a fresh idempotency key, as a new click would send.</summary>
    public Request As(string objectId) => new(Actor.Of(Tenant, objectId), $"test-{++_keys}", AuditChannel.Api);

    /// <summary>The template with people this directory knows.</summary>
    public static byte[] Plans() =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ContinuityPlanCsv.Template())
            .Replace("anne.eksempel@norddjurs.dk", "alexw@norddjurs.example", StringComparison.Ordinal));

    public async Task<AssessmentRecord> AssessmentAsync(string id) =>
        (await Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, id, Ct))!.Value;

    public async Task<StepView> ViewAsync(string assessmentId)
    {
        var record = await AssessmentAsync(assessmentId);
        return new GuidedFlow(Examples.Method, Examples.Catalogue, new NoIds()).View(record.Flow, Today);
    }

    public async Task<IReadOnlyList<AuditIntent>> PendingAuditAsync() => await Store.ReadPendingAuditIntentsAsync(10_000, Ct);

    /// <summary>Every outbox row in commit order, read from the file (the port shows only what is due per conversation).</summary>
    public IReadOnlyList<Notification> Outbox()
    {
        using var connection = new SqliteConnection($"Data Source={Store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload_json FROM outbox ORDER BY position;";
        using var reader = command.ExecuteReader();
        var all = new List<Notification>();
        while (reader.Read())
        {
            all.Add(StoreJson.Deserialize<Notification>(reader.GetString(0)));
        }

        return all;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class NoIds : IIdSource
    {
        public string NewId() => throw new InvalidOperationException("A view creates nothing.");
    }
}
