using Norddjurs.TeamsRisk.Tab.Common;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Tab.Shell;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Assessing;

/// <summary>What the page shows after an action: the step to render, and a message for the whole page if any.</summary>
public sealed record StepAnswer(AssessmentInContext? Context, StepView? View, string? Notice);

/// <summary>
/// The guided flow in the tab, exactly as the bot runs it (design.md §8): the same access check, the engine's trial
/// to show refused answers as typed with every message, then the same use cases (OpenAssessment, SaveStep, MoveStep,
/// SubmitAssessment) that save the progress both continue from. Someone with no role for the system gets "not
/// found" for any id (IDOR); only the owner or deputy can change anything (the use cases check it again).
/// </summary>
public sealed class TabAssessments(UseCaseServices services, ResponsiblePeople people, OpenAssessment open, SaveStep save, MoveStep move, SubmitAssessment submit)
{
    public Task<AssessmentInContext?> LoadAsync(Actor actor, string assessmentId, CancellationToken cancellationToken) =>
        AssessmentAccess.LoadAsync(services, actor, assessmentId, cancellationToken);

    public StepView View(AssessmentInContext context, Language language)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FlowFor(context).View(context.Record.Value.Flow, services.Today, language);
    }

    public async Task<StepAnswer> OpenAsync(Actor actor, AssessmentInContext context, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await open.HandleAsync(RequestFor(actor), context.Record.Value.Id, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(actor, context, outcome, language, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Next (or Save and stay): refused answers come back on the same step with their messages, and nothing is saved.</summary>
    public async Task<StepAnswer> SaveAsync(Actor actor, AssessmentInContext context, StepInput input, bool stay, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = FlowFor(context);
        var state = context.Record.Value.Flow;
        if (input is TreatmentStepInput treatment)
        {
            // Responsible people are typed as e-mail addresses, as on the bot's card; one the directory does not know stops the step here.
            var resolved = await people.ResolveAsync(treatment, language, cancellationToken).ConfigureAwait(false);
            if (resolved.Errors.Count > 0)
            {
                var pending = flow.Preview(state, resolved.Input, services.Today, language);
                return new StepAnswer(context, pending with { Errors = [.. resolved.Errors, .. pending.Errors] }, null);
            }

            input = resolved.Input;
        }

        var trial = stay ? flow.Save(state, input, services.Today, language) : flow.Next(state, input, services.Today, language);
        if (!trial.Accepted)
        {
            return new StepAnswer(context, trial.View, null);
        }

        // On the assessment read above: its commit names that version, so a change made meanwhile (in the bot) is a conflict, not overwritten.
        var outcome = await save.HandleAsync(RequestFor(actor), context, input, cancellationToken, stay).ConfigureAwait(false);
        return await AfterAsync(actor, context, outcome, language, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StepAnswer> MoveAsync(Actor actor, AssessmentInContext context, FlowMove flowMove, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await move.HandleAsync(RequestFor(actor), context.Record.Value.Id, flowMove, cancellationToken).ConfigureAwait(false);
        if (outcome is Outcome<StepSaved>.Rejected)
        {
            var flow = FlowFor(context);
            var state = context.Record.Value.Flow;
            var refused = flowMove is FlowMove.JumpTo jump ? flow.JumpTo(state, jump.Target, services.Today, language) : flow.Back(state, services.Today, language);
            return new StepAnswer(context, refused.View, null);
        }

        return await AfterAsync(actor, context, outcome, language, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StepAnswer> SubmitAsync(Actor actor, AssessmentInContext context, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await submit.HandleAsync(RequestFor(actor), context.Record.Value.Id, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(actor, context, outcome, language, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StepAnswer> AfterAsync<T>(Actor actor, AssessmentInContext context, Outcome<T> outcome, Language language, CancellationToken cancellationToken)
    {
        var reloaded = await LoadAsync(actor, context.Record.Value.Id, cancellationToken).ConfigureAwait(false);
        if (reloaded is null)
        {
            return new StepAnswer(null, null, TabTexts.Get("assessment.not_found", language));
        }

        var notice = outcome switch
        {
            Outcome<T>.Done => null,
            Outcome<T>.Conflict => TabTexts.Get("assessment.conflict", language),
            Outcome<T>.Forbidden => TabTexts.Get("assessment.not_owner", language),
            Outcome<T>.Rejected rejected => TabTexts.Get("assessment.refused", language, ("reason", string.Join(" ", rejected.Errors.Select(e => e.Message(language))))),
            _ => TabTexts.Get("assessment.not_found", language),
        };
        return new StepAnswer(reloaded, reloaded.Record.Value.Assessment.IsEditable ? View(reloaded, language) : null, notice);
    }

    /// <summary>The tab's idempotency key: one per click, with the person in it (design.md §2.2).</summary>
    private static Request RequestFor(Actor actor) => new(actor, $"tab:{actor.ObjectId.ToLowerInvariant()}:{Guid.NewGuid():N}", AuditChannel.Tab);

    private GuidedFlow FlowFor(AssessmentInContext context)
    {
        var assessment = context.Record.Value.Assessment;
        var method = services.Methods.FindMethod(assessment.Method)
            ?? throw new InvalidOperationException($"Assessment {assessment.Id} pins method {assessment.Method.Id} {assessment.Method.Version}, which this app does not know.");
        var catalogue = services.Methods.FindCatalogue(assessment.Catalogue)
            ?? throw new InvalidOperationException($"Assessment {assessment.Id} pins a catalogue this app does not know.");
        return new GuidedFlow(method, catalogue, new NewIds());
    }

    /// <summary>The trial run only previews; SaveStep derives the stored ids from the request itself.</summary>
    private sealed class NewIds : IIdSource
    {
        public string NewId() => Guid.NewGuid().ToString("N");
    }
}
