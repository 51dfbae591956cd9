using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Audit;
using Norddjurs.TeamsRisk.Tab.Heatmap;
using Norddjurs.TeamsRisk.Tab.Register;
using Norddjurs.TeamsRisk.Tab.Shell;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.Tab.Tests;

/// <summary>
/// The pages and the queries behind them agree per role (design.md §4): the directorate reads the register and the
/// heatmap (and has them in the navigation) but not the audit trail; whoever the audit page offers the export link
/// is also let through by the export query.
/// </summary>
public sealed class DirectorateAndCommitteeReadingTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();

    public async Task InitializeAsync() => await _world.SeedAsync(5);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void The_directorate_reads_the_register_in_danish_and_the_heatmap_in_english()
    {
        _world.SignIn(TabWorld.Director);

        var register = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter()));
        var heatmap = _world.Render<HeatmapView>(p => p.Add(v => v.Language, Language.English));

        register.WaitForAssertion(() => Assert.Contains("5 systemer", register.Find(".tr-count").TextContent, StringComparison.Ordinal));
        Assert.Empty(register.FindAll(".tr-refused"));
        heatmap.WaitForAssertion(() => Assert.NotEmpty(heatmap.FindAll("svg a[data-count]")));
        Assert.Empty(heatmap.FindAll(".tr-refused"));
    }

    [Fact]
    public void The_directorate_is_refused_the_audit_trail_and_offered_no_export()
    {
        _world.SignIn(TabWorld.Director);

        var view = _world.Render<AuditTrailView>();

        view.WaitForAssertion(() => Assert.Equal("Revisionssporet kan kun ses af revisor, risikokoordinatoren og informationssikkerhedsudvalget.", view.Find(".tr-refused").TextContent));
        Assert.Empty(view.FindAll("a[href='/api/audit/export']"));
    }

    [Theory]
    [InlineData(TabWorld.Committee)]
    [InlineData(TabWorld.Coordinator)]
    [InlineData(TabWorld.Auditor)]
    public async Task Whoever_the_audit_page_offers_the_export_the_export_query_lets_through(string who)
    {
        _world.SignIn(who);

        var view = _world.Render<AuditTrailView>();

        view.WaitForAssertion(() => Assert.Single(view.FindAll("a[href='/api/audit/export']")));
        // Nothing is sealed in this world, so the export has no head to end with yet: not found, never forbidden.
        Assert.Null(await _world.Store.GetChainHeadAsync(CancellationToken.None));
        var audit = new AuditQueries(_world.Store, new Visibility(_world.Services.Roles));
        Assert.IsType<Outcome<string>.NotFound>(await audit.ExportAsync(TabWorld.As(who).Actor, CancellationToken.None));
        Assert.IsType<Outcome<string>.Forbidden>(await audit.ExportAsync(TabWorld.As(TabWorld.Director).Actor, CancellationToken.None));
    }

    [Theory]
    [InlineData(Role.Directorate, true, false)]
    [InlineData(Role.Committee, true, true)]
    [InlineData(Role.Coordinator, true, true)]
    [InlineData(Role.Auditor, true, true)]
    [InlineData(Role.SystemOwner, false, false)]
    [InlineData(Role.AreaManager, false, false)]
    public void The_navigation_shows_the_register_and_the_committees_pages_by_role(Role role, bool register, bool committee)
    {
        var session = new TabSession(Actor.Of(TabWorld.Tenant, TabWorld.Director), "Søren Bach", new HashSet<Role> { role }, Language.Danish);

        Assert.Equal((register, committee), (session.SeesRegister, session.SeesCommittee));
    }
}
