using AngleSharp.Dom;
using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>
/// The method page's editor on the real use cases (issue 9): a new version started from the active 1.0.0, changed
/// values marked in words beside the active ones, the loader's problems by the field and nothing stored, the
/// catalogue's events side by side, and the approval refused while incomplete.
/// </summary>
public sealed class MethodSectionTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();

    public async Task InitializeAsync() => await MethodWorld.SeedAsync(_world);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_changed_label_is_marked_in_words_beside_the_active_value_and_listed_by_path()
    {
        var view = await StartDraftAsync(Language.Danish);

        await view.InvokeAsync(() => view.Find("#method-likelihood-levels-0-label-da").Change("Meget usandsynlig"));

        var row = view.Find("#method-likelihood-levels-0-label-da").Closest("tr")!;
        Assert.Equal(["Usandsynlig", "✎ Ændret"], new[] { row.Children[1].TextContent, row.Children[3].TextContent });
        Assert.Equal(string.Empty, view.Find("#method-likelihood-levels-1-label-da").Closest("tr")!.Children[3].TextContent);
        Assert.Equal("Ny version 1.1.0 (ud fra 1.0.0)", view.Find("#method-draft-title").TextContent);
        Assert.Equal(
            [["$.version", "1.0.0", "1.1.0", "✎ Ændret"], ["$.likelihood.levels[0].label.da", "Usandsynlig", "Meget usandsynlig", "✎ Ændret"]],
            view.FindAll(".tr-method-changes tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()));
        Assert.Equal("2 ændrede værdier i forhold til 1.0.0", view.Find(".tr-method-changes caption").TextContent);
    }

    [Fact]
    public async Task A_bad_colour_is_named_by_path_and_by_the_field_and_nothing_is_stored()
    {
        var view = await StartDraftAsync(Language.Danish);

        await view.InvokeAsync(() => view.Find("#method-bands-0-color").Change("grøn"));
        await view.InvokeAsync(() => Button(view, "Kontrollér").Click());

        Assert.Equal("true", view.Find("#method-bands-0-color").GetAttribute("aria-invalid"));
        Assert.Equal("method-bands-0-color-error", view.Find("#method-bands-0-color").GetAttribute("aria-describedby"));
        Assert.Equal("\"grøn\" er ikke en gyldig farve (#RRGGBB).", view.Find("#method-bands-0-color-error").TextContent);
        Assert.Equal("Versionen har 1 fejl. Intet er gemt.", view.Find(".tr-method-problems p").TextContent);
        Assert.Equal(["Metode $.bands[0].color: \"grøn\" er ikke en gyldig farve (#RRGGBB)."], view.FindAll(".tr-method-problems li").Select(li => li.TextContent));

        await view.InvokeAsync(() => Button(view, "Udgiv som kladde").Click());

        Assert.Single(view.FindAll(".tr-method-problems li"));
        Assert.Single(await StoredAsync());
        Assert.Single(view.FindAll(".tr-method-versions tbody tr"));
    }

    [Fact]
    public async Task The_catalogue_marks_a_changed_a_removed_and_an_added_event_in_words()
    {
        var view = await StartDraftAsync(Language.English);

        await view.InvokeAsync(() => view.Find("#catalogue-events-0-name-en").Change("Power outage"));
        await view.InvokeAsync(() => view.Find("#catalogue-version").Change("1.1.0"));

        Assert.Equal(["PHY-POWER", "Power failure", "Power outage", "✎ Changed"], Row(view, "PHY-POWER"));
        Assert.Equal("Unchanged", Row(view, "PHY-FLOOD")[3]);
        Assert.Contains(view.FindAll(".tr-method-changes tbody tr"), r => r.Children[0].TextContent == "$.eventCatalog.version" && r.Children[2].TextContent == "1.1.0");

        // The JSON editor: PHY-FLOOD renamed to a new id is one event removed and one added.
        var catalogue = view.Find("#catalogue-json").GetAttribute("value") ?? view.Find("#catalogue-json").TextContent;
        await view.InvokeAsync(() => view.Find("#catalogue-json").Change(catalogue.Replace("\"PHY-FLOOD\"", "\"PHY-WATER\"", StringComparison.Ordinal)));
        await view.InvokeAsync(() => Button(view, "Apply JSON").Click());

        Assert.Equal("− Removed", Row(view, "PHY-FLOOD")[3]);
        Assert.Equal(["PHY-WATER", "–", "Flooding and water damage", "+ Added"], Row(view, "PHY-WATER"));
        Assert.Equal("Events side by side (3 added, changed or removed)", view.Find(".tr-catalogue-events caption").TextContent);
        Assert.Equal("No problems found. Nothing is stored yet.", view.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task Json_that_does_not_parse_is_named_by_the_loader_and_the_draft_keeps_its_values()
    {
        var view = await StartDraftAsync(Language.English);

        await view.InvokeAsync(() => view.Find("#method-json").Change("{ \"id\": "));
        await view.InvokeAsync(() => Button(view, "Apply JSON").Click());

        Assert.StartsWith("Method $", view.Find(".tr-method-problems li").TextContent, StringComparison.Ordinal);
        Assert.Equal("1.1.0", view.Find("#method-version").GetAttribute("value"));
    }

    [Fact]
    public async Task A_published_draft_is_not_approved_without_a_decision_reference_then_is_and_retires_the_active()
    {
        var view = await StartDraftAsync(Language.Danish);
        await view.InvokeAsync(() => view.Find("#method-appetite-highestAcceptableBand").Change("high"));
        await view.InvokeAsync(() => Button(view, "Udgiv som kladde").Click());
        Assert.Equal("Version 1.1.0 er udgivet (Kladde).", view.Find("[role=status]").TextContent);
        Assert.Equal(["nk-risk-method 1.1.0", "Kladde"], view.FindAll(".tr-method-versions tbody tr")[0].Children.Take(2).Select(c => c.TextContent));

        await view.InvokeAsync(() => view.Find("#approval-by").Change("Direktionen"));
        await view.InvokeAsync(() => view.Find("#approval-date").Change("2026-03-02"));
        await view.InvokeAsync(() => view.Find(".tr-approval-form").Submit());

        Assert.Equal("Godkendelsen skal have godkender, dato og beslutningsreference.", view.Find("section[aria-labelledby=approval-title] [role=alert]").TextContent);
        Assert.Equal("true", view.Find("#approval-reference").GetAttribute("aria-invalid"));
        Assert.Null(view.Find("#approval-by").GetAttribute("aria-invalid"));
        Assert.Equal("2. marts 2026", view.Find("#approval-date-shown").TextContent);
        Assert.Equal(MethodVersionState.Draft, (await StoredAsync()).Single(v => v.Version == "1.1.0").State);

        await view.InvokeAsync(() => view.Find("#approval-reference").Change("Direktionsmøde 2-3-2026, pkt. 4"));
        await view.InvokeAsync(() => view.Find(".tr-approval-form").Submit());

        Assert.Equal("Version 1.1.0 er godkendt og nu aktiv; den forrige er udgået.", view.Find("[role=status]").TextContent);
        Assert.Equal(
            [["nk-risk-method 1.1.0", "Aktiv", "Direktionen, 2. marts 2026, Direktionsmøde 2-3-2026, pkt. 4"], ["nk-risk-method 1.0.0", "Udgået", "Direktionen, 24. februar 2026, Direktionsmøde 24-02-2026, pkt. 5"]],
            view.FindAll(".tr-method-versions tbody tr").Select(r => new[] { r.Children[0].TextContent, r.Children[1].TextContent, r.Children[5].TextContent }));
        Assert.Empty(view.FindAll(".tr-approval-form"));
    }

    [Fact]
    public void The_committee_reads_the_versions_in_english_without_any_control()
    {
        _world.SignIn(TabWorld.Committee);
        var view = _world.Render<MethodSection>(p => p.Add(v => v.Language, Language.English).Add(v => v.CanEdit, false));

        Assert.Equal("Method versions", view.Find("h2").TextContent);
        Assert.Equal(["nk-risk-method 1.0.0", "Active", "nk-event-catalog 1.0.0"], view.FindAll(".tr-method-versions tbody td, .tr-method-versions tbody th").Take(3).Select(c => c.TextContent));
        Assert.Empty(view.FindAll("fluent-button"));
        Assert.Empty(view.FindAll("form"));
    }

    [Fact]
    public void An_owner_is_refused_by_the_query()
    {
        _world.SignIn(TabWorld.Owner);
        var view = _world.Render<MethodSection>(p => p.Add(v => v.CanEdit, true));

        Assert.Equal("Kun risikokoordinatoren, udvalget, revisor og direktionen kan se metodeversionerne.", view.Find("[role=alert]").TextContent);
        Assert.Empty(view.FindAll("table"));
    }

    private async Task<IRenderedComponent<MethodSection>> StartDraftAsync(Language language)
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<MethodSection>(p => p.Add(v => v.Language, language).Add(v => v.CanEdit, true));
        await view.InvokeAsync(() => view.Find("fluent-button").Click());
        return view;
    }

    private static IElement Button(IRenderedComponent<MethodSection> view, string text) =>
        view.FindAll("fluent-button").Single(b => b.TextContent.Trim() == text);

    private static string[] Row(IRenderedComponent<MethodSection> view, string eventId) =>
        [.. view.FindAll(".tr-catalogue-events tbody tr").Single(r => r.Children[0].TextContent == eventId).Children.Select(c => c.TextContent)];

    private async Task<IReadOnlyList<MethodVersionRecord>> StoredAsync() =>
        [.. (await _world.Store.LoadAllAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, new Dictionary<string, string>(), CancellationToken.None)).Select(r => r.Value)];
}
