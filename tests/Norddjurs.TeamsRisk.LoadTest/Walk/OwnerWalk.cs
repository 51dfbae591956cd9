using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.LoadTest.Hosting;
using Norddjurs.TeamsRisk.LoadTest.Measuring;
using Norddjurs.TeamsRisk.Testing.Cards;

namespace Norddjurs.TeamsRisk.LoadTest.Walk;

/// <summary>
/// One simulated owner in Teams: installs the bot, writes "start", opens the list card (invoke <c>start</c>), opens an
/// assessment (<c>assessment.open</c>) and presses Next on every step with the card's inputs filled as a person would —
/// the card's own values kept, a valid choice picked from each ChoiceSet that has none, the measure row and the
/// justification written where the band asks for them — and submits at the summary. A card that comes back on the same
/// step with errors is fixed (the inputs next to the red text filled) and sent again, at most three times.
/// Labels: "install", "message start", "start", "assessment.open", "flow.next Facts" …, "flow.submit".
/// </summary>
internal sealed class OwnerWalk(BotClient client, Channel channel, LoadOwner owner, Random random, TimeSpan think)
{
    private const int MaxStepsPerAssessment = 200;
    private const int MaxFixes = 3;

    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly List<SentRequest>? _sent = client.Recorder.KeepRequests ? [] : null;

    // The pause taken before the next request, recorded with it so the floor is replayed with the same pacing.
    private TimeSpan _pause;

    private Recorder Recorder => client.Recorder;

    /// <summary>Install and "start"; false when the app answers neither (nothing else can work then).</summary>
    public async Task<bool> InstallAsync()
    {
        // People do not arrive in the same millisecond: with think time, each owner starts somewhere within one pause.
        if (think > TimeSpan.Zero)
        {
            await PauseAsync(think * random.NextDouble());
        }

        var update = await SendAsync("install", Activities.ConversationUpdateInstall(channel, owner));
        var installation = await SendAsync("install", Activities.InstallationUpdateAdd(channel, owner));
        await ThinkAsync();
        var message = await SendAsync("message start", Activities.Message(channel, owner, "start"));
        return update?.Status == HttpStatusCode.OK || installation?.Status == HttpStatusCode.OK || message?.Status == HttpStatusCode.OK;
    }

    /// <summary>Walks assessments until <paramref name="count"/> are submitted, the list has none left, or <paramref name="until"/> passes.</summary>
    public async Task WalkAsync(int count, DateTimeOffset? until)
    {
        for (var i = 0; i < count && (until is null || DateTimeOffset.UtcNow < until); i++)
        {
            if (!await WalkOneAsync())
            {
                break;
            }
        }
    }

    /// <summary>Hands what this owner sent, in order, to the recorder (for the floor).</summary>
    public void Finish() => Recorder.Sequence(_sent ?? []);

    private async Task<bool> WalkOneAsync()
    {
        var list = await ClickAsync("start", new JsonObject { [CardActionData.Names.Verb] = CardVerbs.Start }, CardVerbs.Start);
        if (list is null)
        {
            return false;
        }

        var open = CardReading.FindActions(list, CardVerbs.Open)
            .FirstOrDefault(a => a["data"]?[CardActionData.Names.AssessmentId]?.GetValue<string>() is { } id && !_finished.Contains(id));
        if (open is null)
        {
            Recorder.Error("walk: no assessment to open", $"{owner.Upn}: the list card has no assessment.open for an unfinished assessment");
            return false;
        }

        var assessmentId = open["data"]![CardActionData.Names.AssessmentId]!.GetValue<string>();
        var card = await ClickAsync(CardVerbs.Open, CardReading.Press(open, new Dictionary<string, string>()), CardVerbs.Open);
        var scored = new HashSet<string>(StringComparer.Ordinal);
        for (var steps = 0; card is not null && steps < MaxStepsPerAssessment; steps++)
        {
            if (CardReading.FindAction(card, CardVerbs.Submit) is { } submit)
            {
                var confirmation = await ClickAsync(CardVerbs.Submit, CardReading.Press(submit, Answers(card, fix: false)), CardVerbs.Submit);
                if (confirmation is null)
                {
                    return false;
                }

                if (CardReading.FindAction(confirmation, CardVerbs.Submit) is not null)
                {
                    Recorder.Error("walk: submit refused", $"{assessmentId}: {string.Join(" | ", CardReading.ErrorTexts(confirmation))}");
                    return false;
                }

                _finished.Add(assessmentId);
                Recorder.AssessmentDone(scored.Count);
                return true;
            }

            if (CardReading.FindAction(card, CardVerbs.Next)?["data"]?[CardActionData.Names.Step]?.GetValue<string>() is { } step
                && CardStep.Parse(step)?.Kind == CardStepKind.Score)
            {
                scored.Add(step);
            }

            card = await NextAsync(card, assessmentId);
        }

        if (card is not null)
        {
            Recorder.Error("walk: no summary", $"{assessmentId}: no flow.submit after {MaxStepsPerAssessment} steps");
        }

        return false;
    }

    /// <summary>Next on one step card; the same step back with errors is fixed and sent again.</summary>
    private async Task<JsonObject?> NextAsync(JsonObject card, string assessmentId)
    {
        var seen = new List<string>();
        for (var attempt = 0; ; attempt++)
        {
            var next = CardReading.FindAction(card, CardVerbs.Next);
            if (next is null)
            {
                Recorder.Error("walk: no Next", $"{assessmentId}: a step card without flow.next or flow.submit");
                return null;
            }

            var step = CardStep.Parse(next["data"]?[CardActionData.Names.Step]?.GetValue<string>());
            var label = $"{CardVerbs.Next} {step?.Kind.ToString() ?? "?"}";
            var sent = CardReading.Press(next, Answers(card, fix: attempt > 0));
            var answer = await ClickAsync(label, sent, CardVerbs.Next);
            if (answer is null)
            {
                return null;
            }

            var sameStep = CardReading.FindAction(answer, CardVerbs.Next)?["data"]?[CardActionData.Names.Step]?.GetValue<string>() == step?.Token;
            if (!sameStep || !CardReading.HasErrors(answer))
            {
                return answer;
            }

            seen.AddRange(CardReading.ErrorTexts(answer).Skip(1).Take(2));
            Dump($"{owner.Number:D4}-{step?.Token.Replace(':', '_')}-{attempt}", card, sent, answer);
            if (attempt == MaxFixes)
            {
                Recorder.Error($"walk: stuck at {step?.Kind}", $"{assessmentId}: {string.Join(" | ", seen.Distinct())}");
                return null;
            }

            card = answer;
        }
    }

    /// <summary>One card action as Teams sends it; answers the card in the invoke response or null (recorded).</summary>
    private async Task<JsonObject?> ClickAsync(string label, JsonObject data, string verb)
    {
        await ThinkAsync();
        var answer = await SendAsync(label, Activities.CardAction(channel, owner, verb, data, Activities.MessageId()));
        if (answer is null || answer.Status != HttpStatusCode.OK)
        {
            return null;
        }

        if (answer.Card() is { } card)
        {
            return card;
        }

        Recorder.Error($"invoke: no card ({label})", BotClient.Shorten(answer.Body));
        return null;
    }

    /// <summary>
    /// The inputs to send with a click: the card's own values, then what a person adds. With <paramref name="fix"/>, every
    /// input that has an error next to it is (re)filled as well.
    /// </summary>
    private Dictionary<string, string> Answers(JsonObject card, bool fix)
    {
        var values = CardInputs.Defaults(card);
        var inputs = CardReading.Inputs(card);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var newMeasure = NewRowIndex(inputs, "measures[");
        var newInterim = NewRowIndex(inputs, "interimMeasures[");
        var kind = inputs.FirstOrDefault(i => i.Id == CardInputIds.Kind);
        string? chosenKind = null;
        if (kind is not null)
        {
            chosenKind = kind.Value ?? Prefer(kind.ChoiceValues, "accept", "reduce", "share", "avoid");
            if (chosenKind is not null)
            {
                values[kind.Id] = chosenKind;
            }
        }

        foreach (var input in inputs)
        {
            var empty = string.IsNullOrEmpty(values.GetValueOrDefault(input.Id));
            var answer = input.Id switch
            {
                _ when !empty && !(fix && input.HasError) => null,
                CardInputIds.JumpTarget => null,
                CardInputIds.Likelihood or CardInputIds.Confidentiality or CardInputIds.Integrity => Pick(input.ChoiceValues),
                CardInputIds.ExpectedOutageHours => Pick(["1", "4", "8", "24", "72"]),
                CardInputIds.Justification => "Belastningstest: begrundelse for behandlingen.",
                _ when input.Id.StartsWith("measures[" + newMeasure + "]", StringComparison.Ordinal) && (chosenKind == "reduce" || (fix && input.HasError)) =>
                    MeasureValue(input, today),
                _ when input.Id.StartsWith("interimMeasures[" + newInterim + "]", StringComparison.Ordinal) => MeasureValue(input, today),
                _ when fix && input.HasError && (input.Id.StartsWith("measures[", StringComparison.Ordinal) || input.Id.StartsWith("interimMeasures[", StringComparison.Ordinal)) =>
                    MeasureValue(input, today),
                _ when fix && input.HasError => FixValue(input, today),
                _ when input.Id.StartsWith("measures[", StringComparison.Ordinal) || input.Id.StartsWith("interimMeasures[", StringComparison.Ordinal) => null,
                _ when input.Type == "Input.ChoiceSet" && !input.IsMultiSelect && input.Placeholder is null => Pick(input.ChoiceValues),
                _ => null,
            };
            if (answer is not null)
            {
                values[input.Id] = answer;
            }
        }

        return values;
    }

    private string MeasureValue(CardInput input, DateOnly today) => input.Id[(input.Id.LastIndexOf('.') + 1)..] switch
    {
        CardInputIds.MeasureProperty.Description => "Belastningstest: tiltag mod hændelsen.",
        CardInputIds.MeasureProperty.Responsible => owner.Upn,
        CardInputIds.MeasureProperty.Deadline => today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CardInputIds.MeasureProperty.TargetLikelihood or CardInputIds.MeasureProperty.TargetConsequence => input.ChoiceValues.Count > 0 ? input.ChoiceValues[0] : "1",
        _ => input.Value ?? string.Empty,
    };

    private string? FixValue(CardInput input, DateOnly today) => input.Type switch
    {
        "Input.ChoiceSet" => Pick(input.ChoiceValues),
        "Input.Number" => "4",
        "Input.Date" => today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "Input.Toggle" => "true",
        _ => "Belastningstest: udfyldt efter fejlbesked.",
    };

    /// <summary>The index of the last (new, empty) row of a list on the treatment card, or -1.</summary>
    private static int NewRowIndex(IReadOnlyList<CardInput> inputs, string prefix)
    {
        var rows = inputs.Where(i => i.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(i => int.TryParse(i.Id.AsSpan(prefix.Length, i.Id.IndexOf(']', StringComparison.Ordinal) - prefix.Length), CultureInfo.InvariantCulture, out var n) ? n : -1)
            .ToList();
        return rows.Count == 0 ? -1 : rows.Max();
    }

    private string? Pick(IReadOnlyList<string> choices) => choices.Count == 0 ? null : choices[random.Next(choices.Count)];

    private static string? Prefer(IReadOnlyList<string> choices, params string[] order) =>
        order.FirstOrDefault(choices.Contains) ?? (choices.Count > 0 ? choices[0] : null);

    /// <summary>With <c>LOADTEST_DUMP=folder</c>, a refused step's card, what was sent and the answer are written there (debugging the walk).</summary>
    private static void Dump(string name, JsonObject card, JsonObject sent, JsonObject answer)
    {
        if (Environment.GetEnvironmentVariable("LOADTEST_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".json"), new JsonObject { ["card"] = card.DeepClone(), ["sent"] = sent.DeepClone(), ["answer"] = answer.DeepClone() }.ToJsonString());
        }
    }

    /// <summary>
    /// A pause drawn from half to one and a half times the think time (the owner's seeded random, so runs repeat): a fixed
    /// pause would keep 50 owners clicking in lockstep, a burst no group of people produces.
    /// </summary>
    private Task ThinkAsync() => think > TimeSpan.Zero ? PauseAsync(think * (0.5 + random.NextDouble())) : Task.CompletedTask;

    private Task PauseAsync(TimeSpan pause)
    {
        _pause += pause;
        return Task.Delay(pause);
    }

    private Task<BotAnswer?> SendAsync(string label, JsonObject activity)
    {
        var pause = _pause;
        _pause = TimeSpan.Zero;
        return client.SendAsync(label, activity, _sent, pause);
    }
}
