using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Cards;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>What the reader refuses (values it cannot type), in the owner's language, and what it reads leniently.</summary>
public sealed class StepInputReaderTests
{
    private readonly GuidedFlow _flow = HomeCare.Flow();
    private readonly FlowState _state;
    private readonly StepCardRenderer _renderer;
    private readonly StepInputReader _reader;

    public StepInputReaderTests()
    {
        var directory = HomeCare.Directory();
        _renderer = new StepCardRenderer(directory);
        _reader = new StepInputReader(directory);
        _state = HomeCare.AtSummary(_flow);
    }

    [Theory]
    [InlineData(Language.Danish, "tre", InputErrorCodes.NotANumber, "«tre» er ikke et tal.")]
    [InlineData(Language.English, "tre", InputErrorCodes.NotANumber, "“tre” is not a number.")]
    [InlineData(Language.Danish, "2.5", InputErrorCodes.NotAWholeNumber, "«2.5» er ikke et helt tal.")]
    [InlineData(Language.English, "2.5", InputErrorCodes.NotAWholeNumber, "“2.5” is not a whole number.")]
    public async Task A_likelihood_that_is_not_a_whole_number_is_refused_and_the_rest_is_kept(Language language, string typed, string code, string message)
    {
        var (view, card) = await At(FlowStep.Score(HomeCare.Network), language);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (CardInputIds.Likelihood, typed));

        var error = Assert.Single(read.Errors);
        Assert.False(read.IsValid);
        Assert.Equal((CardInputIds.Likelihood, code, message), (error.Field, error.Error.Code, error.Message));
        var input = Assert.IsType<ScoreStepInput>(read.Input);
        Assert.Null(input.Likelihood);
        Assert.Equal(6, input.ExpectedOutageHours);
        Assert.Equal([2], input.ExistingMeasures!);
    }

    [Theory]
    [InlineData(Language.Danish, "«31-12-2026» er ikke en dato.")]
    [InlineData(Language.English, "“31-12-2026” is not a date.")]
    public async Task A_deadline_that_is_not_a_date_is_refused_on_its_row(Language language, string message)
    {
        var (view, card) = await At(FlowStep.Treatment(HomeCare.Ransomware), language);
        var deadline = CardInputIds.Measure(1, CardInputIds.MeasureProperty.Deadline);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (deadline, "31-12-2026"));

        var error = Assert.Single(read.Errors);
        Assert.Equal((deadline, message), (error.Field, error.Message));
        var measure = Assert.IsType<TreatmentStepInput>(read.Input).Measures![1];
        Assert.Null(measure.Deadline);
        Assert.Equal(("id-3", "EDR på servere og klienter"), (measure.Id, measure.Description));
    }

    [Theory]
    [InlineData(Language.Danish, "ukendt@norddjurs.dk", InputErrorCodes.UnknownEmail, "Ingen i kommunens adressebog har e-mailadressen «ukendt@norddjurs.dk».")]
    [InlineData(Language.English, "ukendt@norddjurs.dk", InputErrorCodes.UnknownEmail, "Nobody in the municipality's directory has the e-mail address “ukendt@norddjurs.dk”.")]
    [InlineData(Language.Danish, "Anne Holm", InputErrorCodes.NotAnEmail, "«Anne Holm» er ikke en e-mailadresse.")]
    [InlineData(Language.English, "Anne Holm", InputErrorCodes.NotAnEmail, "“Anne Holm” is not an e-mail address.")]
    public async Task A_responsible_person_the_directory_does_not_know_is_refused_and_shown_again_as_typed(Language language, string typed, string code, string message)
    {
        var step = FlowStep.Treatment(HomeCare.Network);
        var (view, card) = await At(step, language);
        var responsible = CardInputIds.Measure(0, CardInputIds.MeasureProperty.Responsible);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (responsible, typed));

        var error = Assert.Single(read.Errors);
        Assert.Equal((responsible, code, message), (error.Field, error.Error.Code, error.Message));
        Assert.Equal(typed, Assert.IsType<TreatmentStepInput>(read.Input).Measures![0].ResponsibleObjectId);

        // The bot shows the same card again: what was typed, and the message right below it.
        var again = _flow.Preview(_state with { Step = step }, read.Input, HomeCare.Today, language) with { Errors = read.Errors };
        var shown = await _renderer.RenderAsync(again, HomeCare.Frame(), CancellationToken.None);
        Assert.Equal(typed, CardInputs.Defaults(shown)[responsible]);
        var input = CardInputs.Inputs(shown).Single(i => (string?)i["id"] == responsible);
        var siblings = input.Parent!.AsArray();
        Assert.Equal(message, (string?)siblings[siblings.IndexOf(input) + 1]!["text"]);
    }

    [Fact]
    public async Task A_typed_e_mail_address_is_saved_as_the_persons_object_id_and_a_filled_blank_row_is_a_new_measure()
    {
        var (view, card) = await At(FlowStep.Treatment(HomeCare.Network));
        string Row(string property) => CardInputIds.Measure(1, property);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Save,
            (Row(CardInputIds.MeasureProperty.Description), "Mobil backupforbindelse"),
            (Row(CardInputIds.MeasureProperty.Responsible), " Bo.Lund@Norddjurs.dk "),
            (Row(CardInputIds.MeasureProperty.Deadline), "2026-06-30"),
            (Row(CardInputIds.MeasureProperty.TargetLikelihood), "2"),
            (Row(CardInputIds.MeasureProperty.TargetConsequence), "3"));

        Assert.Empty(read.Errors);
        var measures = Assert.IsType<TreatmentStepInput>(read.Input).Measures!;
        Assert.Equal(
            [
                new MeasureStepInput("id-1", "Anden internetlinje ad en anden vej", HomeCare.AnneId, HomeCare.Today.AddMonths(4), 1, 3),
                new MeasureStepInput(null, "Mobil backupforbindelse", HomeCare.BoId, new DateOnly(2026, 6, 30), 2, 3),
            ],
            measures);
    }

    [Fact]
    public async Task Emptied_rows_are_left_out_and_the_ids_follow_the_rows()
    {
        var (view, card) = await At(FlowStep.Treatment(HomeCare.Ransomware));
        var cleared = CardInputs.Defaults(card).Keys.Where(k => k.StartsWith("measures[0].", StringComparison.Ordinal)).Select(k => (k, "")).ToArray();

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, cleared);

        Assert.Empty(read.Errors);
        Assert.Equal(["id-3", "id-4"], Assert.IsType<TreatmentStepInput>(read.Input).Measures!.Select(m => m.Id));
    }

    [Theory]
    [InlineData("selected[<script>]", "selected", Language.Danish, "Kortet nævner en hændelse, som ikke findes («<script>»). Åbn vurderingen igen.")]
    [InlineData("selected[]", "selected", Language.English, "The card names an event that does not exist (“”). Open the assessment again.")]
    [InlineData("deselectionReasons[NOT-ON-CARD]", "deselectionReasons[NOT-ON-CARD]", Language.English,
        "The card names an event that does not exist (“NOT-ON-CARD”). Open the assessment again.")]
    public async Task An_event_key_that_is_not_on_the_card_is_refused(string id, string field, Language language, string message)
    {
        var (view, card) = await At(FlowStep.Events, language);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (id, "true"));

        var error = Assert.Single(read.Errors);
        Assert.Equal((field, InputErrorCodes.UnknownEvent, message), (error.Field, error.Error.Code, error.Message));
        Assert.DoesNotContain(id, ((EventsStepInput)read.Input).Selected);
    }

    [Theory]
    [InlineData(Language.Danish, "Teksten må højst være 2000 tegn, men er 2001. Den er afkortet her.")]
    [InlineData(Language.English, "The text may be at most 2000 characters but is 2001. It has been shortened here.")]
    public async Task An_over_long_text_is_refused_and_kept_cut_to_the_limit(Language language, string message)
    {
        var (view, card) = await At(FlowStep.Treatment(HomeCare.Power), language);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (CardInputIds.Justification, new string('x', 2001)));

        var error = Assert.Single(read.Errors);
        Assert.Equal((CardInputIds.Justification, InputErrorCodes.TooLong, message), (error.Field, error.Error.Code, error.Message));
        Assert.Equal(2000, Assert.IsType<TreatmentStepInput>(read.Input).Justification!.Length);
    }

    [Theory]
    [InlineData(CardInputIds.NewEventName, 121)]
    [InlineData(CardInputIds.NewEventDescription, 2001)]
    public async Task The_new_events_name_and_description_have_their_limits(string id, int length)
    {
        var (view, card) = await At(FlowStep.Events);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Save, (id, new string('n', length)));

        Assert.Equal((id, InputErrorCodes.TooLong), (Assert.Single(read.Errors).Field, read.Errors[0].Error.Code));
    }

    [Theory]
    [InlineData(CardInputIds.Kind, "ignorer")]
    [InlineData("facts.highestDataClass", "secret")]
    [InlineData("facts.cloud", "ja")]
    public async Task A_value_the_card_does_not_offer_is_refused(string id, string value)
    {
        var step = id.StartsWith("facts.", StringComparison.Ordinal) ? FlowStep.Facts : FlowStep.Treatment(HomeCare.Power);
        var (view, card) = await At(step);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next, (id, value));

        var error = Assert.Single(read.Errors);
        Assert.Equal((id, InputErrorCodes.NotAllowed, $"«{value}» er ikke et af valgene."), (error.Field, error.Error.Code, error.Message));
    }

    [Fact]
    public async Task Every_refusal_names_an_input_on_the_card()
    {
        var (view, card) = await At(FlowStep.Treatment(HomeCare.Ransomware));
        var inputs = CardInputs.Defaults(card);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Next,
            (CardInputIds.Kind, "x"), (CardInputIds.Justification, new string('j', 2001)),
            ("measures[0].deadline", "i morgen"), ("measures[1].targetLikelihood", "en"), ("measures[2].responsible", "ingen@norddjurs.dk"),
            ("measures[3].description", new string('d', 2001)), ("measures[3].targetConsequence", "1,5"));

        Assert.Equal(7, read.Errors.Count);
        Assert.All(read.Errors, e => Assert.Contains(e.Field, inputs.Keys));
    }

    [Fact]
    public async Task A_new_custom_event_is_read_once_its_name_is_filled_and_the_flow_adds_it()
    {
        var state = HomeCare.AtEvents(_flow);
        var view = _flow.View(state, HomeCare.Today);
        var card = await _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None);

        var read = await _reader.ReadAsync(view, card, CardVerbs.Save,
            (CardInputIds.NewEventName, "Fejl i medicinmodul"),
            (CardInputIds.NewEventDescription, "Forkert dosis vises"),
            (CardInputIds.NewEventDimension(Dimension.Integrity), "true"),
            (CardInputIds.NewEventDimension(Dimension.Availability), "true"));

        Assert.Empty(read.Errors);
        var custom = Assert.Single(Assert.IsType<EventsStepInput>(read.Input).NewCustomEvents!);
        Assert.Equal(("Fejl i medicinmodul", "Forkert dosis vises"), (custom.Name, custom.Description));
        Assert.Equal([Dimension.Integrity, Dimension.Availability], custom.Cia!);
        var saved = _flow.Next(state, read.Input, HomeCare.Today);
        Assert.True(saved.Accepted, string.Join("; ", saved.Errors.Select(e => e.Message)));
        Assert.Contains(saved.State.Assessment.CustomEvents, e => e.Name.Da == "Fejl i medicinmodul");
    }

    [Fact]
    public async Task An_unchanged_events_card_adds_no_custom_event()
    {
        var (view, card) = await At(FlowStep.Events);
        var read = await _reader.ReadAsync(view, card, CardVerbs.Next);
        Assert.Empty(Assert.IsType<EventsStepInput>(read.Input).NewCustomEvents!);
    }

    [Fact]
    public async Task Json_numbers_booleans_and_arrays_are_read_leniently()
    {
        var data = new JsonObject
        {
            [CardInputIds.Likelihood] = 3,
            [CardInputIds.ExpectedOutageHours] = 1.5,
            [CardInputIds.ExistingMeasures] = new JsonArray(0, 2),
            [CardInputIds.OverrideConsequence] = "",
        };

        var read = await Read(FlowStep.Score(HomeCare.Network), data);

        Assert.Empty(read.Errors);
        Assert.Equal(new ScoreStepInput(HomeCare.Network, 3, null, 1.5), Assert.IsType<ScoreStepInput>(read.Input) with { ExistingMeasures = null });
        Assert.Equal([0, 2], ((ScoreStepInput)read.Input).ExistingMeasures!);
    }

    [Fact]
    public async Task Events_toggles_sent_as_json_booleans_are_read()
    {
        var data = new JsonObject { ["selected[PHY-POWER]"] = true, ["selected[PHY-FIRE]"] = false, ["selected[CYB-RANSOM]"] = "TRUE" };
        var read = await Read(FlowStep.Events, data);
        Assert.Empty(read.Errors);
        Assert.Equal(["PHY-POWER", "CYB-RANSOM"], Assert.IsType<EventsStepInput>(read.Input).Selected);
    }

    [Fact]
    public async Task Facts_not_sent_keep_the_records_values_and_an_emptied_number_clears_it()
    {
        var current = Examples.HomeCare;
        var data = new JsonObject { ["facts.mtdHours"] = "", ["facts.cloud"] = "true", ["facts.rpoHours"] = "0.5" };

        var read = await _reader.ReadAsync(FlowStep.Facts, JsonSerializer.SerializeToElement(data), [], current, Language.Danish, CancellationToken.None);

        Assert.Empty(read.Errors);
        var facts = Assert.IsType<FactsStepInput>(read.Input).Facts;
        Assert.Equal(current with { MtdHours = null, Cloud = true, RpoHours = 0.5 }, facts);
    }

    [Fact]
    public async Task The_facts_are_read_only_over_the_current_facts()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Read(FlowStep.Facts, new JsonObject { ["facts.cloud"] = "true" }));
        Assert.Equal("currentFacts", error.ParamName);
    }

    [Fact]
    public async Task The_summary_has_no_input_to_read()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Read(FlowStep.Summary, []));
        Assert.Null(StepInputReader.ReadJumpTarget(JsonSerializer.SerializeToElement(new JsonObject { [CardInputIds.JumpTarget] = "Nowhere" })));
    }

    [Fact]
    public void Every_refusal_has_a_Danish_and_an_English_text()
    {
        var codes = typeof(InputErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(codes, InputTexts.AllKeys());
        foreach (var code in codes)
        {
            Assert.NotEqual(InputTexts.Get(code, Language.Danish), InputTexts.Get(code, Language.English));
        }
    }

    private async Task<(StepView View, JsonObject Card)> At(FlowStep step, Language language = Language.Danish)
    {
        var view = HomeCare.ViewAt(_flow, _state, step, language);
        return (view, await _renderer.RenderAsync(view, HomeCare.Frame(), CancellationToken.None));
    }

    private Task<StepInputRead> Read(FlowStep step, JsonObject data) =>
        _reader.ReadAsync(step, JsonSerializer.SerializeToElement(data), [], Language.Danish, CancellationToken.None);
}
