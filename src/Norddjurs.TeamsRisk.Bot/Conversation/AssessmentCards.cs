using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Cards.Outcome;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// Loads an assessment as the actor may see it and renders its current step as a card. The card's stamp is the
/// stored document's version, so an action from any older card is recognised as stale.
/// </summary>
internal sealed class AssessmentCards(UseCaseServices services, StepCardRenderer renderer)
{
    /// <summary>Null when there is no such assessment or the actor has no role for its system (never "forbidden": IDOR).</summary>
    public Task<AssessmentInContext?> LoadAsync(Actor actor, string assessmentId, CancellationToken cancellationToken) =>
        AssessmentAccess.LoadAsync(services, actor, assessmentId, cancellationToken);

    /// <summary>As <see cref="LoadAsync"/>, with the key's applied row in the same round trip, or from the store's cache when allowed.</summary>
    public Task<AssessmentRead> ReadAsync(Actor actor, string assessmentId, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken) =>
        AssessmentReads.ReadAsync(services, actor, assessmentId, idempotencyKey, cachedIfPossible, cancellationToken);

    public static string StampOf(AssessmentInContext context) => context.Record.Document.Version.ToString(CultureInfo.InvariantCulture);

    public static CardStep CardStepOf(FlowStep step) => new(Enum.Parse<CardStepKind>(step.Kind.ToString()), step.EventId);

    public static FlowStep? FlowStepOf(CardStep? step) =>
        step is null ? null : new FlowStep(Enum.Parse<FlowStepKind>(step.Kind.ToString()), step.EventId);

    /// <summary>The guided flow on the method and catalogue the assessment pinned; ids for new rows come from <paramref name="ids"/>.</summary>
    public GuidedFlow FlowFor(AssessmentInContext context, IIdSource ids)
    {
        var assessment = context.Record.Value.Assessment;
        var method = services.Methods.FindMethod(assessment.Method)
            ?? throw new InvalidOperationException($"Assessment {assessment.Id} pins method {assessment.Method.Id} {assessment.Method.Version}, which this app does not know.");
        var catalogue = services.Methods.FindCatalogue(assessment.Catalogue)
            ?? throw new InvalidOperationException($"Assessment {assessment.Id} pins a catalogue this app does not know.");
        return new GuidedFlow(method, catalogue, ids);
    }

    /// <summary>The current step, with an optional notice at the top (stale card, conflict, incomplete).</summary>
    public Task<JsonObject> CurrentAsync(AssessmentInContext context, Language language, string? notice, CancellationToken cancellationToken)
    {
        var view = FlowFor(context, ScratchIds.Instance).View(context.Record.Value.Flow, services.Today, language);
        return RenderAsync(context, notice is null ? view : WithNotice(view, notice), cancellationToken);
    }

    public Task<JsonObject> RenderAsync(AssessmentInContext context, StepView view, CancellationToken cancellationToken)
    {
        var frame = new FlowFrame(context.Record.Value.Id, context.System.Name, CardStepOf(view.Step), StampOf(context));
        return renderer.RenderAsync(view, frame, cancellationToken);
    }

    /// <summary>A message for the whole step, shown where the step's own errors are.</summary>
    public static StepView WithNotice(StepView view, string notice) =>
        view with { Errors = [new FlowError(FlowFields.Step, DomainError.Of(BotErrorCodes.Notice), notice), .. view.Errors] };

    public static JsonObject Error(string message, Language language, CardActionData? retry = null) =>
        ErrorCard.Build(new ErrorCardModel(message) { Retry = retry }, language);

    public static JsonObject NotEditable(AssessmentState state, Language language, CardActionData? retry = null) =>
        Error(BotTexts.Format("error.not_editable", language, ("state", BotTexts.Get("state." + state, language))), language, retry);

    /// <summary>For views and the trial run before saving: nothing they create is kept; the use case derives the real ids.</summary>
    internal sealed class ScratchIds : IIdSource
    {
        public static ScratchIds Instance { get; } = new();

        public string NewId() => Guid.NewGuid().ToString("N");
    }
}

/// <summary>Codes of the conversation's own messages (not Core's rules).</summary>
internal static class BotErrorCodes
{
    public const string Notice = "bot.notice";
}
