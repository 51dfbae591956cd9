using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>The owner's answers for a whole assessment, given through the cards only: three events kept, each scored and treated.</summary>
internal static class OwnerWalk
{
    public const string Power = "PHY-POWER";
    public const string Network = "TEC-NETWORK";
    public const string Ransomware = "CYB-RANSOM";
    public static readonly string[] Keep = [Power, Network, Ransomware];

    /// <summary>
    /// From the list to the summary: open, confirm facts and profile, keep three events, score and treat each.
    /// <paramref name="reduce"/>: reduce with a measure even where the band allows acceptance.
    /// </summary>
    public static async Task ToSummaryAsync(CardSession session, string assessmentId, bool reduce = false)
    {
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: assessmentId);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next, KeepOnly);
        foreach (var _ in Keep)
        {
            await session.PressAsync(CardVerbs.Next, Score);
        }

        foreach (var _ in Keep)
        {
            await session.PressAsync(CardVerbs.Next, inputs => Treat(session.Card, inputs, reduce));
        }
    }

    public static void KeepOnly(Dictionary<string, string> inputs)
    {
        foreach (var key in inputs.Keys.Where(k => k.StartsWith("selected[", StringComparison.Ordinal)).ToList())
        {
            var eventId = key["selected[".Length..^1];
            var keep = Keep.Contains(eventId);
            inputs[key] = keep ? "true" : "false";
            var reason = CardInputIds.DeselectionReason(eventId);
            if (!keep && inputs.ContainsKey(reason))
            {
                inputs[reason] = "Dækkes af kommunens fælles vurdering";
            }
        }
    }

    public static void Score(Dictionary<string, string> inputs)
    {
        inputs[CardInputIds.Likelihood] = "2";
        if (inputs.ContainsKey(CardInputIds.ExpectedOutageHours))
        {
            inputs[CardInputIds.ExpectedOutageHours] = "4";
        }
    }

    /// <summary>Accept where the band allows it; otherwise reduce with one measure (and an interim measure where Kritisk needs one).</summary>
    public static void Treat(JsonObject card, Dictionary<string, string> inputs, bool reduce = false)
    {
        var kinds = ChoiceValues(card, CardInputIds.Kind);
        if (!reduce && kinds.Contains("accept"))
        {
            inputs[CardInputIds.Kind] = "accept";
            inputs[CardInputIds.Justification] = "Risikoen er lav og dækket af eksisterende tiltag.";
            return;
        }

        inputs[CardInputIds.Kind] = "reduce";
        inputs[CardInputIds.Justification] = "Reduceres med et konkret tiltag.";
        inputs[CardInputIds.Measure(0, CardInputIds.MeasureProperty.Description)] = "Uforanderlig backup med gendannelsestest";
        inputs[CardInputIds.Measure(0, CardInputIds.MeasureProperty.Responsible)] = "alexw@norddjurs.example";
        inputs[CardInputIds.Measure(0, CardInputIds.MeasureProperty.Deadline)] = "2026-05-01";
        inputs[CardInputIds.Measure(0, CardInputIds.MeasureProperty.TargetLikelihood)] = ChoiceValues(card, CardInputIds.Measure(0, CardInputIds.MeasureProperty.TargetLikelihood))[0];
        inputs[CardInputIds.Measure(0, CardInputIds.MeasureProperty.TargetConsequence)] = ChoiceValues(card, CardInputIds.Measure(0, CardInputIds.MeasureProperty.TargetConsequence))[0];
        var interim = CardInputIds.InterimMeasure(0, CardInputIds.MeasureProperty.Description);
        if (inputs.ContainsKey(interim))
        {
            inputs[interim] = "Ekstra overvågning indtil tiltaget er på plads";
            inputs[CardInputIds.InterimMeasure(0, CardInputIds.MeasureProperty.Responsible)] = "alexw@norddjurs.example";
        }
    }

    public static IReadOnlyList<string> ChoiceValues(JsonNode? node, string inputId) => node switch
    {
        JsonObject o when (string?)o["type"] == "Input.ChoiceSet" && (string?)o["id"] == inputId =>
            [.. o["choices"]!.AsArray().Select(c => (string)c!["value"]!)],
        JsonObject o => o.Select(p => ChoiceValues(p.Value, inputId)).FirstOrDefault(v => v.Count > 0) ?? [],
        JsonArray a => a.Select(n => ChoiceValues(n, inputId)).FirstOrDefault(v => v.Count > 0) ?? [],
        _ => [],
    };
}
