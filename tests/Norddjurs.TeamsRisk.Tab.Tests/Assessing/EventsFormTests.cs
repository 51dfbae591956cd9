using Bunit;
using Microsoft.FluentUI.AspNetCore.Components;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Assessing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Tab.Tests.Assessing;

public sealed class EventsFormTests : TabTest
{
    [Fact]
    public async Task Add_event_saves_the_new_event_as_the_bots_card_reader_reads_it()
    {
        var state = AtEvents();
        var view = (EventsStepView)Flow.View(state, Today, Language.Danish);
        StepInput? stayed = null;
        var cut = Render(view, Language.Danish, stay: input => stayed = input);

        cut.Find("#new-event-name").Change("Bookingmodulet går ned");
        cut.Find("#new-event-description").Change("Modulet til lokaler svigter i spidsbelastning.");
        cut.Find("#new-event-A").Change(true);
        cut.Find("#new-event-I").Change(true);
        await ClickAsync(cut, "Tilføj hændelse");

        var selected = view.Groups.SelectMany(g => g.Events).Where(e => e.Selected).Select(e => ($"selected[{e.Event.Id}]", "true"));
        var notSelected = view.Groups.SelectMany(g => g.Events).Where(e => !e.Selected).Select(e => ($"selected[{e.Event.Id}]", "false"));
        var bot = await BotCardReading.ReadAsync(new InMemoryDirectory("tenant"), FlowStep.Events, CurrentFacts().Facts,
            [.. selected, .. notSelected, ("newCustomEvents[0].name", "Bookingmodulet går ned"), ("newCustomEvents[0].description", "Modulet til lokaler svigter i spidsbelastning."),
             ("newCustomEvents[0].C", "false"), ("newCustomEvents[0].I", "true"), ("newCustomEvents[0].A", "true")]);
        BotCardReading.AssertSame(bot, stayed);

        // Saved and shown again: the event is among the owner's own, selected, with its dimensions; the new-event fields are empty.
        var saved = Flow.Save(state, stayed!, Today, Language.Danish);
        Assert.True(saved.Accepted);
        cut.Render(p => p.Add(f => f.View, (EventsStepView)saved.View));
        var custom = Assert.Single(((EventsStepView)saved.View).CustomEvents);
        Assert.True(cut.Find($"#event-{custom.Event.Id}").HasAttribute("checked"));
        Assert.Contains("(I, A)", cut.Find($"label[for=event-{custom.Event.Id}]").TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cut.Find("#new-event-name").GetAttribute("value") ?? string.Empty);
    }

    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void A_new_event_without_a_name_or_a_dimension_shows_the_engines_messages_by_its_fields_and_keeps_what_was_typed(Language language)
    {
        var state = AtEvents();
        var view = (EventsStepView)Flow.View(state, Today, language);
        var refused = Flow.Save(state, view.Input with { NewCustomEvents = [new CustomEventInput(null, "Kun en beskrivelse", [])] }, Today, language);
        Assert.False(refused.Accepted);
        var nameError = Assert.Single(refused.Errors, e => e.Field == FlowFields.CustomEvent(0, "name"));

        var cut = Render((EventsStepView)refused.View, language);

        Assert.Equal(nameError.Message, cut.Find($"#{FieldMessages.IdOf(FlowFields.CustomEvent(0, "name"))}").TextContent);
        Assert.Equal("true", cut.Find("#new-event-name").GetAttribute("aria-invalid"));
        Assert.Contains(FieldMessages.IdOf(FlowFields.CustomEvent(0, "name")), cut.Find("#new-event-name").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Kun en beskrivelse", cut.Find("#new-event-description").GetAttribute("value"));
        if (refused.Errors.FirstOrDefault(e => e.Field == FlowFields.CustomEvent(0, "cia")) is { } ciaError)
        {
            Assert.Equal(ciaError.Message, cut.Find($"#{FieldMessages.IdOf(FlowFields.CustomEvent(0, "cia"))}").TextContent);
        }

        Assert.Contains(language == Language.English ? "Add an event of your own" : "Tilføj en egen hændelse", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_events_are_marked_as_on_the_card()
    {
        var view = (EventsStepView)Flow.View(AtEvents(), Today, Language.English);
        var baseline = view.Groups.SelectMany(g => g.Events).First(e => e.Origin == Core.Assessments.EventOrigin.Baseline);

        var cut = Render(view, Language.English);

        Assert.Contains("baseline", cut.Find($"label[for=event-{baseline.Event.Id}]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<EventsForm> Render(EventsStepView view, Language language, Action<StepInput>? stay = null) =>
        Context.Render<EventsForm>(p => p.Add(f => f.View, view).Add(f => f.OnStay, (StepInput input) => stay?.Invoke(input)).AddCascadingValue(Session(language)));

    private static async Task ClickAsync(IRenderedComponent<EventsForm> cut, string text)
    {
        var button = cut.FindComponents<FluentButton>().Single(b => b.Markup.Contains(text, StringComparison.Ordinal));
        await cut.InvokeAsync(() => button.Instance.OnClick.InvokeAsync());
    }

    private static FactsStepView CurrentFacts() => (FactsStepView)Flow.View(Started(), Today);
}
