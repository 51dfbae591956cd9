using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>Renders a step's view (Workflows) as its card (Cards): maps view to card model, errors to their inputs.</summary>
public sealed class StepCardRenderer(IDirectory directory)
{
    /// <summary>
    /// The card for <paramref name="view"/>. <paramref name="frame"/> carries assessment, system name, stamp and refresh
    /// users; step, position, moves and errors are taken from the view. Throws <see cref="CardTooLargeException"/> for a
    /// card over the message budget: the bot must not send it.
    /// </summary>
    public async Task<JsonObject> RenderAsync(StepView view, FlowFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(frame);
        var framed = frame with
        {
            Step = CardValues.Step(view.Step),
            Position = view.Position,
            Count = view.Count,
            CanGoBack = view.Moves.Back,
            CanGoNext = view.Moves.Next,
            ReturnsToSummary = view.ReturnsToSummary,
            Errors = [.. view.Errors.Select(CardValues.Error)],
        };
        var language = view.Language;
        var card = view switch
        {
            FactsStepView facts => FactsCard.Build(StepCardModels.Facts(facts, framed), language),
            ProfileStepView profile => ProfileCard.Build(StepCardModels.Profile(profile, framed), language),
            EventsStepView events => EventsCard.Build(StepCardModels.Events(events, framed), language),
            ScoreStepView score => ScoreCard.Build(StepCardModels.Score(score, framed), language),
            TreatmentStepView treatment => await TreatmentAsync(treatment, framed, cancellationToken).ConfigureAwait(false),
            SummaryStepView summary => SummaryCard.Build(StepCardModels.Summary(summary, framed), language),
            _ => throw new ArgumentException($"No card for the step view {view.GetType().Name}.", nameof(view)),
        };
        return CardSize.EnsureFits(card);
    }

    private async Task<JsonObject> TreatmentAsync(TreatmentStepView view, FlowFrame frame, CancellationToken cancellationToken)
    {
        var addresses = await ResponsibleAddresses.OfAsync(directory, view.Input, cancellationToken).ConfigureAwait(false);
        return TreatmentCard.Build(StepCardModels.Treatment(view, frame, addresses.Of), view.Language);
    }
}
