using System.Text;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

public sealed class ImportSystemsTests : IDisposable
{
    private readonly World _world = new();

    private ImportSystems Import => new(_world.Services);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Preview_lists_every_system_as_new_and_writes_nothing()
    {
        var preview = Assert.IsType<Outcome<ImportOutcome>.Done>(await Import.PreviewAsync(_world.As(World.Coordinator), World.Plans(), "plans.csv", World.Ct)).Value;
        Assert.Equal(["OMS-01", "ØKO-02", "PLADS-03"], preview.Systems.Select(s => s.SystemId));
        Assert.All(preview.Systems, s => Assert.Equal(SystemChangeKind.New, s.Kind));
        Assert.Null(await _world.Store.GetAsync(DocumentKinds.System, "OMS-01", World.Ct));
        Assert.Empty(await _world.PendingAuditAsync());
    }

    [Fact]
    public async Task Apply_writes_each_system_with_a_first_version_and_an_audit_entry()
    {
        var applied = Assert.IsType<Outcome<ImportOutcome>.Done>(await Import.ApplyAsync(_world.As(World.Coordinator), World.Plans(), "plans.csv", World.Ct)).Value;
        Assert.Equal(3, applied.Applied);

        var homeCare = (await _world.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, "OMS-01", World.Ct))!;
        Assert.Equal(("Omsorgssystem", 1, ConfirmationStatus.ToBeConfirmedByOwner), (homeCare.Value.Name, homeCare.Value.Metadata.RecordVersion, homeCare.Value.Confirmation));
        Assert.Equal("alexw@norddjurs.example", homeCare.Document.Index["ownerObjectId"]);
        Assert.NotNull(await _world.Store.GetAsync(DocumentKinds.SystemVersion, "OMS-01@1", World.Ct));
        var audit = await _world.PendingAuditAsync();
        Assert.Equal(3, audit.Count(a => a.Action == AuditAction.SystemRecordChanged));
        Assert.All(audit, a => Assert.Equal(World.Coordinator, a.Actor.ObjectId));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        await Walk.ImportAsync(_world);
        var before = (await _world.Store.GetAsync(DocumentKinds.System, "OMS-01", World.Ct))!.Version;
        _world.Time.Advance(TimeSpan.FromDays(1));

        var again = Assert.IsType<Outcome<ImportOutcome>.Done>(await Import.ApplyAsync(_world.As(World.Coordinator), World.Plans(), "plans-copy.csv", World.Ct)).Value;

        Assert.All(again.Systems, s => Assert.Equal(SystemChangeKind.Unchanged, s.Kind));
        Assert.Equal(0, again.Applied);
        Assert.Equal(before, (await _world.Store.GetAsync(DocumentKinds.System, "OMS-01", World.Ct))!.Version);
        Assert.Equal(3, (await _world.PendingAuditAsync()).Count);
    }

    [Fact]
    public async Task A_changed_row_writes_a_new_version_and_keeps_the_first()
    {
        await Walk.ImportAsync(_world);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(World.Plans()).Replace("Omsorgssystem;", "Omsorgssystem Nexus;", StringComparison.Ordinal));

        var outcome = Assert.IsType<Outcome<ImportOutcome>.Done>(await Import.ApplyAsync(_world.As(World.Coordinator), changed, "plans.csv", World.Ct)).Value;

        Assert.Equal(SystemChangeKind.Changed, outcome.Systems.Single(s => s.SystemId == "OMS-01").Kind);
        Assert.Equal(1, outcome.Applied);
        Assert.Equal(2, (await _world.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, "OMS-01", World.Ct))!.Value.Metadata.RecordVersion);
        Assert.Equal("Omsorgssystem", (await _world.Store.LoadAsync<CriticalSystem>(DocumentKinds.SystemVersion, "OMS-01@1", World.Ct))!.Value.Name);
        Assert.Equal("Omsorgssystem Nexus", (await _world.Store.LoadAsync<CriticalSystem>(DocumentKinds.SystemVersion, "OMS-01@2", World.Ct))!.Value.Name);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_imports_nothing_and_lists_the_problem()
    {
        var bad = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(World.Plans()).Replace(";aktiv;", ";måske;", StringComparison.Ordinal));

        var outcome = Assert.IsType<Outcome<ImportOutcome>.Done>(await Import.ApplyAsync(_world.As(World.Coordinator), bad, "plans.csv", World.Ct)).Value;

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((2, "status"), (problem.Line, problem.Column));
        Assert.Empty(outcome.Systems);
        Assert.Null(await _world.Store.GetAsync(DocumentKinds.System, "ØKO-02", World.Ct));
    }

    [Theory]
    [InlineData(World.Owner)]
    [InlineData(World.Committee)]
    [InlineData(World.Auditor)]
    public async Task Only_the_coordinator_imports(string who)
    {
        var outcome = await Import.ApplyAsync(_world.As(who), World.Plans(), "plans.csv", World.Ct);
        Assert.Equal("workflow.role_missing", Assert.IsType<Outcome<ImportOutcome>.Forbidden>(outcome).Error.Code);
        Assert.Null(await _world.Store.GetAsync(DocumentKinds.System, "OMS-01", World.Ct));
    }
}
