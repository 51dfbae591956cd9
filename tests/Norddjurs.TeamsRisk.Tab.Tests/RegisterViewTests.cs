using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Tab.Register;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class RegisterViewTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private IReadOnlyList<Workflows.Assessing.AssessmentRecord> _seeded = [];

    public async Task InitializeAsync() => _seeded = await _world.SeedAsync(30);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public void The_first_page_lists_25_of_30_systems_with_band_colour_and_label_and_a_link_to_page_2()
    {
        _world.SignIn(TabWorld.Committee);

        var view = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter()));

        view.WaitForAssertion(() => Assert.Contains("30 systemer", view.Find(".tr-count").TextContent, StringComparison.Ordinal));
        Assert.Equal(25, view.FindAll("a[href*='system=SYS-']").Count);
        var badge = view.FindAll(".tr-band[data-band]")[0];
        var band = Examples.Method.Band(badge.GetAttribute("data-band")!);
        Assert.Equal(band.Label.Da, badge.TextContent);
        Assert.Contains(band.Color, badge.GetAttribute("style")!, StringComparison.Ordinal);
        Assert.Equal("Side 1 af 2", view.Find("[aria-current=page]").TextContent);
        Assert.Contains("page=2", view.Find("a[rel=next]").GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("a[rel=prev]"));
        Assert.Equal("Søg", view.Find("label[for=register-q]").TextContent);
    }

    [Fact]
    public void A_band_filter_lists_only_systems_whose_headline_is_that_band_and_says_how_many()
    {
        _world.SignIn(TabWorld.Auditor);
        var expected = _seeded.Count(r => Headline.Of(r.Assessment.Lines, Examples.Method).Highest?.Id == "critical");

        Assert.InRange(expected, 1, 29);

        var view = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter(Band: "critical", PageSize: 200)));

        view.WaitForAssertion(() => Assert.Equal($"{expected} systemer", view.Find(".tr-count").TextContent));
        Assert.All(view.FindAll(".tr-band[data-band]"), b => Assert.Equal("critical", b.GetAttribute("data-band")));
        Assert.Equal("selected", view.Find("#register-band option[value=critical]").GetAttribute("selected") is null ? null : "selected");
    }

    [Fact]
    public void Sorted_by_band_descending_the_highest_band_comes_first_and_the_last_page_has_the_rest()
    {
        _world.SignIn(TabWorld.Coordinator);

        var first = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter(Sort: RegisterSort.Band, Descending: true)));
        first.WaitForAssertion(() => Assert.Equal("critical", first.FindAll(".tr-band[data-band]")[0].GetAttribute("data-band")));

        var last = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter(Sort: RegisterSort.Band, Descending: true, Page: 2)));
        last.WaitForAssertion(() => Assert.Equal(5, last.FindAll("a[href*='system=SYS-']").Count));
        Assert.Equal("/tab/register?sort=Band&desc=true", last.Find("a[rel=prev]").GetAttribute("href"));
    }

    [Fact]
    public void Values_the_register_cannot_use_are_named_in_an_alert_in_english()
    {
        _world.SignIn(TabWorld.Committee);

        var view = _world.Render<RegisterView>(p => p
            .Add(v => v.Filter, new RegisterFilter())
            .Add(v => v.Invalid, [new InvalidFilterValue("band", "purple")])
            .Add(v => v.Language, Language.English));

        view.WaitForAssertion(() => Assert.Contains("Risk band: \"purple\"", view.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Contains("30 systems", view.Find(".tr-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_sees_a_refusal_and_no_rows()
    {
        _world.SignIn(TabWorld.Owner);

        var view = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter()));

        view.WaitForAssertion(() => Assert.Contains("kun ses af informationssikkerhedsudvalget", view.Find(".tr-refused").TextContent, StringComparison.Ordinal));
        Assert.Empty(view.FindAll("a[href*='system=SYS-']"));
    }

    [Fact]
    public void A_chosen_system_shows_its_history_with_the_method_version()
    {
        _world.SignIn(TabWorld.Committee);

        var view = _world.Render<RegisterView>(p => p.Add(v => v.Filter, new RegisterFilter()).Add(v => v.SystemId, "SYS-0001"));

        view.WaitForAssertion(() => Assert.Contains("Historik for System 0001", view.Find("#history-title").TextContent, StringComparison.Ordinal));
        Assert.Contains($"{Examples.Method.Id} {Examples.Method.Version}", view.Find(".tr-history tbody").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll(".tr-method-changed"));
    }
}
