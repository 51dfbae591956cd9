using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Queries;

/// <summary>The register on a seeded SQLite store: home care approved and escalated (Høj ×2, Lav ×1), the other systems invited.</summary>
public sealed class RegisterQueryTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    private RegisterQuery Query => new(_world.Services, new Visibility(_world.Services.Roles));

    [Fact]
    public async Task The_committee_sees_every_system_with_the_headline_of_its_current_assessment()
    {
        var id = await ApprovedAsync();

        var page = Done(await Query.ReadAsync(Reader(World.Committee), new RegisterFilter(), World.Ct));

        var systems = await _world.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), World.Ct);
        Assert.Equal(systems.Count, page.Total);
        var homeCare = Assert.Single(page.Rows, r => r.SystemId == World.HomeCare);
        Assert.Equal(id, homeCare.ScoredAssessmentId);
        Assert.Equal(AssessmentState.Escalated, homeCare.Status);
        Assert.Equal("high", homeCare.Band!.Id);
        Assert.Equal("Høj", homeCare.Band.Label.Da);
        Assert.Equal(1, homeCare.CountByBand["low"]);
        Assert.Equal(2, homeCare.CountByBand["high"]);
        Assert.Equal(2, homeCare.AboveAppetite);
        Assert.True(homeCare.Flags.Dpia);
        // Approved today: the next one is due 12 months on (risk-method.md §2.2).
        Assert.Equal(_world.Today.AddMonths(12), homeCare.NextAssessmentDue);
        Assert.All(page.Rows.Where(r => r.SystemId != World.HomeCare), r => Assert.Null(r.Band));
    }

    [Fact]
    public async Task Filters_by_band_department_status_and_search_all_must_match()
    {
        await ApprovedAsync();
        var committee = Reader(World.Committee);

        Assert.Equal([World.HomeCare], Ids(Done(await Query.ReadAsync(committee, new RegisterFilter(Band: "high"), World.Ct))));
        Assert.Equal([World.HomeCare], Ids(Done(await Query.ReadAsync(committee, new RegisterFilter(Department: "social, sundhed og ældre"), World.Ct))));
        Assert.Equal([World.HomeCare], Ids(Done(await Query.ReadAsync(committee, new RegisterFilter(Status: AssessmentState.Escalated), World.Ct))));
        Assert.Equal([World.HomeCare], Ids(Done(await Query.ReadAsync(committee, new RegisterFilter(Search: "omsorg"), World.Ct))));
        Assert.Empty(Done(await Query.ReadAsync(committee, new RegisterFilter(Band: "critical"), World.Ct)).Rows);
        Assert.Empty(Done(await Query.ReadAsync(committee, new RegisterFilter(Band: "high", Department: "Økonomi og Personale"), World.Ct)).Rows);
    }

    [Fact]
    public async Task Pages_are_sorted_with_a_stable_tie_break_and_never_repeat_a_system()
    {
        await ApprovedAsync();
        var auditor = Reader(World.Auditor);
        var all = Ids(Done(await Query.ReadAsync(auditor, new RegisterFilter(Sort: RegisterSort.Band, Descending: true), World.Ct)));
        Assert.Equal(World.HomeCare, all[0]);

        var paged = new List<string>();
        for (var page = 1; page <= all.Count; page++)
        {
            var one = Done(await Query.ReadAsync(auditor, new RegisterFilter(Sort: RegisterSort.Band, Descending: true, Page: page, PageSize: 1), World.Ct));
            Assert.Equal(all.Count, one.PageCount);
            paged.AddRange(Ids(one));
        }

        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task An_owner_or_a_stranger_is_refused_the_register()
    {
        await ApprovedAsync();

        Assert.IsType<Outcome<RegisterPage>.Forbidden>(await Query.ReadAsync(Reader(World.Owner), new RegisterFilter(), World.Ct));
        Assert.IsType<Outcome<RegisterPage>.Forbidden>(await Query.ReadAsync(Reader(World.Stranger), new RegisterFilter(), World.Ct));
    }

    [Fact]
    public async Task The_directorate_reads_the_register_its_heatmap_and_a_history_as_visibility_lets_it_read_every_system()
    {
        var id = await ApprovedAsync();
        var director = Reader(World.Director);

        var page = Done(await Query.ReadAsync(director, new RegisterFilter(), World.Ct));
        var heatmap = Assert.IsType<Outcome<HeatmapPair>.Done>(await new HeatmapQuery(_world.Services, Query).ReadAsync(director, new RegisterFilter(), World.Ct)).Value;
        var history = Assert.IsType<Outcome<SystemHistory>.Done>(
            await new SystemHistoryQuery(_world.Services, new Visibility(_world.Services.Roles)).ReadAsync(director, World.HomeCare, World.Ct)).Value;

        Assert.Equal(id, Assert.Single(page.Rows, r => r.SystemId == World.HomeCare).ScoredAssessmentId);
        Assert.Equal(3, heatmap.Current.Total);
        Assert.Equal(id, Assert.Single(history.Entries).AssessmentId);
    }

    [Fact]
    public async Task The_heatmap_counts_each_line_in_its_cell_now_and_after_the_planned_measures()
    {
        await ApprovedAsync();

        var pair = Assert.IsType<Outcome<HeatmapPair>.Done>(await new HeatmapQuery(_world.Services, Query).ReadAsync(Reader(World.Coordinator), new RegisterFilter(), World.Ct)).Value;

        // Power 2×1 = 2 Lav; network 3×3 = 9 Høj; ransomware 2×4 = 8 Høj. Both measures target L1 C2 → 2 Lav.
        Assert.Equal(1, pair.Current.Cell(2, 1).Count);
        Assert.Equal(1, pair.Current.Cell(3, 3).Count);
        Assert.Equal("high", pair.Current.Cell(3, 3).Band.Id);
        Assert.Equal(1, pair.Current.Cell(2, 4).Count);
        Assert.Equal(3, pair.Current.Total);
        Assert.Equal(2, pair.Residual.Cell(1, 2).Count);
        Assert.Equal(1, pair.Residual.Cell(2, 1).Count);
        Assert.Equal(16, pair.Current.Cells.Count);
        Assert.Equal("critical", pair.Current.Cell(4, 4).Band.Id);
        Assert.Equal(Walk.Network, Assert.Single(pair.Current.Cell(3, 3).Risks).EventId);
    }

    [Fact]
    public async Task A_system_history_lists_its_assessments_and_marks_a_major_method_change()
    {
        var id = await ApprovedAsync();

        var history = Assert.IsType<Outcome<SystemHistory>.Done>(
            await new SystemHistoryQuery(_world.Services, new Visibility(_world.Services.Roles)).ReadAsync(Reader(World.Auditor), World.HomeCare, World.Ct)).Value;

        var entry = Assert.Single(history.Entries);
        Assert.Equal(id, entry.AssessmentId);
        Assert.False(entry.MethodChanged);
        Assert.True(SystemHistoryQuery.Comparable(new PinnedVersion("nk-risk-method", "1.0.0", "a"), new PinnedVersion("nk-risk-method", "1.3.1", "b")));
        Assert.False(SystemHistoryQuery.Comparable(new PinnedVersion("nk-risk-method", "1.0.0", "a"), new PinnedVersion("nk-risk-method", "2.0.0", "b")));
    }

    private async Task<string> ApprovedAsync()
    {
        var id = await Walk.SubmittedAsync(_world);
        var record = await _world.AssessmentAsync(id);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(record), World.Ct)).IsDone);
        return id;
    }

    private Workflows.Identity.Actor Reader(string objectId) => _world.As(objectId).Actor;

    private static RegisterPage Done(Outcome<RegisterPage> outcome) => Assert.IsType<Outcome<RegisterPage>.Done>(outcome).Value;

    private static List<string> Ids(RegisterPage page) => [.. page.Rows.Select(r => r.SystemId)];
}
