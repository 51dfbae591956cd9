using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>Errors in red (<c>attention</c>): all of them at the top of the card, and each next to its input.</summary>
internal static class ErrorBlocks
{
    public static IEnumerable<JsonObject> Summary(IReadOnlyList<CardFieldError> errors, Language language)
    {
        if (errors.Count == 0)
        {
            yield break;
        }

        yield return Elements.Container(
            [Elements.Text(CardTexts.Get("errors.heading", language), bold: true, color: "Attention"),
             .. errors.Select(e => Elements.Text("• " + e.Message, color: "Attention"))],
            style: "attention");
    }

    /// <summary>The messages for one input, right below it.</summary>
    public static IEnumerable<JsonObject> For(IReadOnlyList<CardFieldError> errors, string? field) =>
        errors.Where(e => e.Field == field).Select(e => Elements.Text(e.Message, color: "Attention", size: "Small"));

    /// <summary>The input followed by its errors.</summary>
    public static IEnumerable<JsonObject> With(JsonObject input, IReadOnlyList<CardFieldError> errors, string field) =>
        [input, .. For(errors, field)];
}
