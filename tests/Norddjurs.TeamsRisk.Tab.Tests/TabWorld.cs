using System.Security.Claims;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Testing.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Outbox;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;
using Norddjurs.TeamsRisk.Workflows.Queries.Review;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Tab.Tests;

/// <summary>
/// The components over a real SQLite file seeded with <see cref="RegisterSeed"/>, a directory with one person per
/// role, a fake clock, and bUnit's authentication state carrying the signed-in person's <c>tid</c>/<c>oid</c> claims.
/// </summary>
public sealed class TabWorld : BunitContext
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public const string Committee = "5eed0000-0000-4000-8000-000000000022";
    public const string Coordinator = "5eed0000-0000-4000-8000-000000000024";
    public const string Auditor = "5eed0000-0000-4000-8000-000000000025";
    public const string Director = "5eed0000-0000-4000-8000-000000000023";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-tab", Guid.NewGuid().ToString("N"));

    public TabWorld()
    {
        Directory = new InMemoryDirectory(Tenant);
        Directory.Add(Owner, "alexw@norddjurs.example", "Alex Wilber");
        Directory.Add(Committee, "karen.holm@norddjurs.example", "Karen Holm", null, "g-committee");
        Directory.Add(Coordinator, "pia.skov@norddjurs.example", "Pia Skov", null, "g-coordinator");
        Directory.Add(Auditor, "jens.kirk@norddjurs.example", "Jens Kirk", null, "g-auditor");
        Directory.Add(Director, "soeren.bach@norddjurs.example", "Søren Bach", null, "g-directorate");
        Store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Path.Combine(_folder, "teamsrisk.db") });
        var roles = new RoleResolver(Directory, new RoleGroups("g-committee", "g-coordinator", "g-auditor", "g-directorate"));
        Services = new UseCaseServices(Store, Directory, roles, new KnownMethodVersions(Examples.Method, Examples.Catalogue), Time);

        JSInterop.Mode = JSRuntimeMode.Loose;
        base.Services.AddFluentUIComponents();
        base.Services.AddSingleton(Services);
        base.Services.AddSingleton<IMethodVersions>(Services.Methods);
        base.Services.AddSingleton<IAuditLog>(Store);
        base.Services.AddSingleton(new Visibility(roles));
        base.Services.AddSingleton<RegisterQuery>();
        base.Services.AddSingleton<HeatmapQuery>();
        base.Services.AddSingleton<SystemHistoryQuery>();
        base.Services.AddSingleton<ReviewQueueQuery>();
        base.Services.AddSingleton<AuditQueries>();
        base.Services.AddSingleton<ExportQueries>();
        base.Services.AddSingleton<ApproveAssessment>();
        base.Services.AddSingleton<ReturnAssessment>();
        base.Services.AddSingleton<ImportSystems>();
        base.Services.AddSingleton<StartRound>();
        base.Services.AddSingleton<RoundStatusQuery>();
        base.Services.AddSingleton<RoundListQuery>();
        base.Services.AddSingleton<RemindRound>();
        base.Services.AddSingleton<IOutboxLog>(Store);
        base.Services.AddSingleton(roles);
        base.Services.AddSingleton<DeliveryLog>();
        base.Services.AddSingleton<DeadLetters>();
    }

    public InMemoryDirectory Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public SqliteRiskStore Store { get; }

    public new UseCaseServices Services { get; }

    public Task<IReadOnlyList<AssessmentRecord>> SeedAsync(int systems, int linesPerSystem = 4) =>
        RegisterSeed.SeedAsync(Store, Examples.Method, Examples.Catalogue, systems, linesPerSystem, Time.GetUtcNow(), Owner, "alexw@norddjurs.example");

    /// <summary>Signs this person in for the components: the claims the tab reads (TabClaims).</summary>
    public void SignIn(string objectId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(objectId);
        auth.SetClaims(new Claim("tid", Tenant), new Claim("oid", objectId), new Claim("name", objectId));
    }

    public static Request As(string objectId) => new(Actor.Of(Tenant, objectId), $"test-{Guid.NewGuid():N}", AuditChannel.Tab);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (System.IO.Directory.Exists(_folder))
            {
                System.IO.Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
