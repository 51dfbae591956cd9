using System.Text.Json;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>Reads a step card's inputs (the action's data, <c>CardInputIds</c>) back as the step's input.</summary>
public sealed class StepInputReader(IDirectory directory)
{
    /// <param name="step">The step the card is for (from the action data, already checked to be the current step).</param>
    /// <param name="data">The action's data with the inputs merged in.</param>
    /// <param name="measureIds">The treatment card's measure ids in row order (<c>CardActionData.MeasureIds</c>).</param>
    /// <remarks>
    /// Not for the Facts step (an <see cref="ArgumentException"/>): its card does not carry the record's id and version,
    /// so it is read over the current facts with the other overload.
    /// </remarks>
    public Task<StepInputRead> ReadAsync(FlowStep step, JsonElement data, IReadOnlyList<string> measureIds, Language language, CancellationToken cancellationToken) =>
        ReadAsync(step, data, measureIds, currentFacts: null, language, cancellationToken);

    /// <param name="currentFacts">The assessment's facts: the Facts card's values are read over them.</param>
    public async Task<StepInputRead> ReadAsync(
        FlowStep step, JsonElement data, IReadOnlyList<string> measureIds, SystemFacts? currentFacts, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(measureIds);
        var fields = new CardFields(data, language);
        StepInput input = step.Kind switch
        {
            FlowStepKind.Facts => FactsInputReading.Read(fields, currentFacts
                ?? throw new ArgumentException("The Facts step is read over the current facts; pass them.", nameof(currentFacts))),
            FlowStepKind.Profile => ProfileInputReading.Read(fields),
            FlowStepKind.Events => EventsInputReading.Read(fields),
            FlowStepKind.Score => ScoreInputReading.Read(fields, EventOf(step)),
            FlowStepKind.Treatment => await new TreatmentInputReading(directory, fields).ReadAsync(EventOf(step), measureIds, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"The {step.Kind} step has no input; read a jump with {nameof(ReadJumpTarget)}.", nameof(step)),
        };
        return new StepInputRead(input, [.. fields.Errors]);
    }

    /// <summary>The summary's jump choice (<c>jumpTarget</c>, e.g. "Score:CYB-RANSOM"), or null when none or unreadable.</summary>
    public static FlowStep? ReadJumpTarget(JsonElement data) =>
        new CardFields(data, Language.Danish).Raw(CardInputIds.JumpTarget) is { } token && CardStep.Parse(token.Trim()) is { } step
            ? new FlowStep(Enum.Parse<FlowStepKind>(step.Kind.ToString()), step.EventId)
            : null;

    private static string EventOf(FlowStep step) =>
        step.EventId ?? throw new ArgumentException($"The {step.Kind} step names no event.", nameof(step));
}
