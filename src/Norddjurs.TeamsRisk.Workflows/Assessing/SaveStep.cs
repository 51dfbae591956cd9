using Norddjurs.TeamsRisk.Core.Errors;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>Where the flow stands after a saved step (design.md §8: progress is saved at every step).</summary>
public sealed record StepSaved(string AssessmentId, FlowStep Step)
{
    /// <summary>The assessment as this step's commit stored it; null on a replay (not kept with the applied change).</summary>
    [JsonIgnore]
    public Loaded<AssessmentRecord>? Saved { get; init; }
}

/// <summary>
/// The owner answers one step of the guided flow: validated by the engine, saved with its audit entry, and the
/// flow moves on. Bot and tab both call this, so each continues where the other stopped.
/// </summary>
public sealed class SaveStep(UseCaseServices services)
{
    /// <param name="stay">Save and stay on the step (<see cref="GuidedFlow.Save"/>) instead of moving on.</param>
    public Task<Outcome<StepSaved>> HandleAsync(Request request, string assessmentId, StepInput input, CancellationToken cancellationToken, bool stay = false) =>
        AssessmentTransitionRunner.RunAsync<StepSaved>(services, request, assessmentId, (context, change, ct) => SaveAsync(request, context, change, input, stay, ct), cancellationToken);

    /// <summary>As above, on the assessment the caller has just loaded for <paramref name="request"/>'s actor (the bot's card action).</summary>
    public Task<Outcome<StepSaved>> HandleAsync(Request request, AssessmentInContext loaded, StepInput input, CancellationToken cancellationToken, bool stay = false) =>
        AssessmentTransitionRunner.RunAsync<StepSaved>(services, request, loaded, (context, change, ct) => SaveAsync(request, context, change, input, stay, ct), cancellationToken);

    /// <summary>
    /// As above, when the caller has answered replays itself: it read the key's applied row together with the assessment,
    /// or read the assessment from the store's cache, where the commit's If-Match proves the key was not applied before
    /// (its first application moved the document) and a replay comes back from the commit as one.
    /// </summary>
    public Task<Outcome<StepSaved>> HandleReplayCheckedAsync(Request request, AssessmentInContext loaded, StepInput input, CancellationToken cancellationToken, bool stay = false) =>
        AssessmentTransitionRunner.RunReplayCheckedAsync<StepSaved>(services, request, loaded, (context, change, ct) => SaveAsync(request, context, change, input, stay, ct), cancellationToken);

    private async Task<Outcome<StepSaved>> SaveAsync(Request request, AssessmentInContext context, ChangeSet change, StepInput input, bool stay, CancellationToken ct)
    {
        var record = context.Record.Value;
        if (!context.Roles.Contains(Role.SystemOwner))
        {
            return Outcome<StepSaved>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "save"), ("roles", Role.SystemOwner.Id())));
        }

        var method = services.Methods.FindMethod(record.Assessment.Method);
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
        if (method is null || catalogue is null)
        {
            return Outcome<StepSaved>.From(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{record.Assessment.Method.Id} {record.Assessment.Method.Version}")));
        }

        var flow = new GuidedFlow(method, catalogue, new KeyedIds(request.IdempotencyKey));
        var result = stay ? flow.Save(record.Flow, input, services.Today) : flow.Next(record.Flow, input, services.Today);
        if (!result.Accepted)
        {
            return new Outcome<StepSaved>.Rejected([.. result.Errors.Select(e => e.Error)]);
        }

        var updated = record with { Flow = result.State };
        change.Save(context.Record, updated)
            .AuditAssessment(ActionFor(input), updated, inputs: JsonNode.Parse(StoreJson.Serialize<object>(input)), computed: Computed(input, updated.Assessment));
        var outcome = await change.CommitAsync(services.Store, new StepSaved(updated.Id, result.State.Step), ct).ConfigureAwait(false);
        return outcome is Outcome<StepSaved>.Done { Replayed: false } done && change.Written(DocumentKinds.Assessment, updated.Id) is { } written
            ? done with { Value = done.Value with { Saved = new Loaded<AssessmentRecord>(updated, written) } }
            : outcome;
    }

    /// <summary>What the engine computed from the answer, so the audit entry explains the numbers (risk-method.md §5).</summary>
    private static JsonObject? Computed(StepInput input, Assessment assessment) => input switch
    {
        ScoreStepInput score when assessment.Line(score.EventId) is { } line => new JsonObject
        {
            ["eventId"] = line.EventId,
            ["likelihood"] = line.Score.Likelihood.Value,
            ["consequence"] = line.Score.Consequence.Value,
            ["decidingDimension"] = line.Consequence.DecidingDimension.Id(),
            ["points"] = line.Score.Points,
            ["band"] = line.Score.Band.Id,
            ["withinAppetite"] = line.Score.WithinAppetite,
        },
        TreatmentStepInput treatment when assessment.Line(treatment.EventId) is { Treatment: { } chosen } line => new JsonObject
        {
            ["eventId"] = line.EventId,
            ["kind"] = chosen.Kind.ToString(),
            ["residualPoints"] = chosen.Residual?.Points,
            ["residualBand"] = chosen.Residual?.Band.Id,
        },
        _ => null,
    };

    private static AuditAction ActionFor(StepInput input) => input switch
    {
        FactsStepInput => AuditAction.FactsConfirmed,
        ProfileStepInput => AuditAction.ProfileSet,
        EventsStepInput => AuditAction.EventSelected,
        ScoreStepInput => AuditAction.RiskScored,
        _ => AuditAction.TreatmentProposed,
    };

    /// <summary>Ids for what the owner adds, derived from the request so a replay would derive the same.</summary>
    private sealed class KeyedIds(string key) : IIdSource
    {
        private int _next;

        public string NewId() => StableIds.From("x", $"{key}#{_next++}");
    }
}
