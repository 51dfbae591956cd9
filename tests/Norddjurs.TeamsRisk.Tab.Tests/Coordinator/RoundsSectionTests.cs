using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Coordinator;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>Starting a round on the real use case (10 seeded systems, owner Alex Wilber) and following it per owner.</summary>
public sealed class RoundsSectionTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();

    public async Task InitializeAsync() => await _world.SeedAsync(10);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Without_a_name_and_with_a_past_deadline_both_are_named_in_danish_and_nothing_starts()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>();

        await view.InvokeAsync(() => view.Find("#round-deadline").Change("2026-03-01"));
        await view.InvokeAsync(() => view.Find("form").Submit());

        Assert.Equal(["Giv runden et navn.", "Rundens frist skal ligge efter i dag."], view.FindAll("[role=alert] li").Select(li => li.TextContent));
        Assert.Empty(view.FindAll("table"));
    }

    [Fact]
    public async Task The_form_is_labelled_and_answers_in_english()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>(p => p.Add(v => v.Language, Language.English));

        Assert.All(view.FindAll("input"), input => Assert.Single(view.FindAll($"label[for={input.Id}]")));
        await view.InvokeAsync(() => view.Find("form").Submit());

        Assert.Contains("Give the round a name.", view.FindAll("[role=alert] li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task The_coordinator_starts_a_round_for_a_chosen_system_and_sees_its_owner()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<RoundsSection>();

        await view.InvokeAsync(() => view.Find("#round-name").Change("Forår 2026"));
        await view.InvokeAsync(() => view.Find("#round-deadline").Change("2026-04-30"));
        await view.InvokeAsync(() => view.Find("#round-systems").Change("SYS-0001"));
        await view.InvokeAsync(() => view.Find("form").Submit());

        view.WaitForAssertion(() => Assert.Equal("Runden er startet: 1 invitationer, 0 systemer sprunget over.", view.Find("[role=status]").TextContent));
        Assert.Equal("Runden Forår 2026, frist 30. april 2026", view.Find("caption").TextContent);
        Assert.Equal(["Vælg SYS-0001 (Alex Wilber) til påmindelse", "SYS-0001", "Alex Wilber", "Inviteret", "Afventer afsendelse", "Nej", "Nej", "Nej"],
            view.FindAll(".tr-round-status tbody td").Select(td => td.TextContent.Trim()));
        Assert.Equal("Forår 2026", view.Find(".tr-round-list tbody th").TextContent);
    }

    [Fact]
    public async Task An_owner_is_refused_by_the_use_case()
    {
        _world.SignIn(TabWorld.Owner);
        var view = _world.Render<RoundsSection>();

        await view.InvokeAsync(() => view.Find("#round-name").Change("Forår 2026"));
        await view.InvokeAsync(() => view.Find("#round-deadline").Change("2026-04-30"));
        await view.InvokeAsync(() => view.Find("form").Submit());

        Assert.Equal("Kun risikokoordinatoren kan gøre dette.", view.Find("[role=alert] li").TextContent);
        Assert.Empty(view.FindAll("table"));
    }
}
