using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Tab.Coordinator;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>
/// The earlier rounds listed and opened, and the remind buttons, on the real use cases (10 seeded systems owned by Alex
/// Wilber): two rounds started on 2 March 2026 ("Forår" over SYS-0001 and SYS-0002, then "Ekstra" over SYS-0003).
/// </summary>
public sealed class RoundRemindTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private string _spring = string.Empty;
    private string _extra = string.Empty;

    public async Task InitializeAsync()
    {
        await _world.SeedAsync(10);
        _spring = await StartAsync("Forår", "SYS-0001", "SYS-0002");
        _world.Time.Advance(TimeSpan.FromMinutes(5));
        _extra = await StartAsync("Ekstra", "SYS-0003");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Every_round_is_listed_newest_first_and_an_earlier_one_opens_its_status_per_owner()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>();

        Assert.Equal("Alle runder, nyeste først", view.Find(".tr-round-list caption").TextContent);
        Assert.Equal(["Ekstra", "Forår"], view.FindAll(".tr-round-list tbody th").Select(th => th.TextContent));
        Assert.Equal(["2. marts 2026 kl. 09.00", "1. april 2026", "2", "0", "0", "0"],
            view.FindAll(".tr-round-list tbody tr")[1].QuerySelectorAll("td").Take(6).Select(td => td.TextContent));
        Assert.Empty(view.FindAll(".tr-round-status"));

        await view.InvokeAsync(() => view.FindAll(".tr-round-list fluent-button")[1].Click());

        Assert.Equal("Runden Forår, frist 1. april 2026", view.Find(".tr-round-status caption").TextContent);
        Assert.Equal(["SYS-0001", "SYS-0002"], view.FindAll(".tr-round-status tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal("Vis status for runden Forår", view.FindAll(".tr-round-list fluent-button")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Reminding_everyone_who_has_not_submitted_says_how_many_were_reminded_and_audits_it()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>();
        await view.InvokeAsync(() => view.FindAll(".tr-round-list fluent-button")[1].Click());

        await view.InvokeAsync(() => view.FindAll(".tr-remind fluent-button")[1].Click());

        view.WaitForAssertion(() => Assert.Equal("Påmindelse sendt til 1 systemejere om 2 vurderinger.", view.Find(".tr-notice[role=status]").TextContent));
        var reminded = (await _world.Store.ReadPendingAuditIntentsAsync(1000, CancellationToken.None)).Where(a => a.Action == AuditAction.ReminderSent).ToList();
        Assert.Equal([$"{_spring}:SYS-0001", $"{_spring}:SYS-0002"], reminded.Select(a => a.Subject.Id).Order(StringComparer.Ordinal));
        Assert.All(reminded, a => Assert.Equal((TabWorld.Coordinator, AuditChannel.Tab), (a.Actor.ObjectId, a.Channel)));
    }

    [Fact]
    public async Task The_chosen_owner_is_reminded_in_english_and_the_button_waits_for_a_choice()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>(p => p.Add(v => v.Language, Language.English));
        await view.InvokeAsync(() => view.FindAll(".tr-round-list fluent-button")[1].Click());
        var chosen = view.FindAll(".tr-remind fluent-button")[0];
        Assert.Equal("Remind the chosen", chosen.TextContent.Trim());
        Assert.True(chosen.HasAttribute("disabled"));

        await view.InvokeAsync(() => view.Find("#remind-SYS-0002").Change(true));
        await view.InvokeAsync(() => view.FindAll(".tr-remind fluent-button")[0].Click());

        view.WaitForAssertion(() => Assert.Equal("Reminder sent to 1 system owners about 1 assessments.", view.Find(".tr-notice[role=status]").TextContent));
        var reminded = Assert.Single(await _world.Store.ReadPendingAuditIntentsAsync(1000, CancellationToken.None), a => a.Action == AuditAction.ReminderSent);
        Assert.Equal($"{_spring}:SYS-0002", reminded.Subject.Id);
        Assert.Equal("Choose SYS-0001 (Alex Wilber) to remind", view.Find("label[for=remind-SYS-0001]").TextContent);
    }

    [Fact]
    public async Task A_round_finished_while_the_page_was_open_is_refused_by_the_use_case_and_nobody_is_reminded()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>();
        await view.InvokeAsync(() => view.FindAll(".tr-round-list fluent-button")[0].Click());
        Assert.Single(view.FindAll("#remind-SYS-0003"));
        Assert.True((await new CancelAssessment(_world.Services).HandleAsync(TabWorld.As(TabWorld.Coordinator), $"{_extra}:SYS-0003", "Udfases", CancellationToken.None)).IsDone);

        await view.InvokeAsync(() => view.FindAll(".tr-remind fluent-button")[1].Click());

        view.WaitForAssertion(() => Assert.Equal(
            "Runden er afsluttet: alle systemejere har indsendt, eller deres vurderinger er annulleret. Der er ingen at minde om.",
            view.Find(".tr-remind-refused li").TextContent));
        Assert.DoesNotContain(await _world.Store.ReadPendingAuditIntentsAsync(1000, CancellationToken.None), a => a.Action == AuditAction.ReminderSent);
    }

    [Fact]
    public void An_owner_is_shown_no_rounds_as_the_query_refuses_him()
    {
        _world.SignIn(TabWorld.Owner);
        var view = _world.Render<RoundsSection>();

        Assert.Empty(view.FindAll(".tr-round-list"));
    }

    private async Task<string> StartAsync(string name, params string[] systems)
    {
        var outcome = await new StartRound(_world.Services).HandleAsync(TabWorld.As(TabWorld.Coordinator), new RoundInput(name, new DateOnly(2026, 4, 1), systems), CancellationToken.None);
        return Assert.IsType<Outcome<RoundStarted>.Done>(outcome).Value.RoundId;
    }
}
