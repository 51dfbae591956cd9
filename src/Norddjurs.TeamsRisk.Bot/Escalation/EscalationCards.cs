using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Escalation;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Escalation;

/// <summary>An escalation as its card needs it: the escalation at its stored version, its assessment, system and method.</summary>
internal sealed record EscalationSubject(Loaded<Core.Workflow.Escalation> Stored, AssessmentRecord Assessment, CriticalSystem System, RiskMethod Method)
{
    public Core.Workflow.Escalation Value => Stored.Value;

    /// <summary>The stored version: a decision from a card built for another one is stale.</summary>
    public string Stamp => Stored.Document.Version.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Builds the decision card of one escalation from the store: the line with its band, the appetite, the owner's
/// proposal as submitted, the committee's recommendation, and the decision once there is one.
/// </summary>
internal sealed class EscalationCards(UseCaseServices services)
{
    public async Task<EscalationSubject?> LoadAsync(string escalationId, CancellationToken cancellationToken)
    {
        var escalation = await services.Store.LoadAsync<Core.Workflow.Escalation>(DocumentKinds.Escalation, escalationId, cancellationToken).ConfigureAwait(false);
        if (escalation is null)
        {
            return null;
        }

        var record = await services.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, escalation.Value.AssessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null || services.Methods.FindMethod(record.Value.Assessment.Method) is not { } method)
        {
            return null;
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(record.Value.SystemId), cancellationToken).ConfigureAwait(false);
        return system is null ? null : new EscalationSubject(escalation, record.Value, system.Value, method);
    }

    /// <summary>Decided for everyone once decided; while pending, actionable only for who may decide it.</summary>
    public async Task<JsonObject> BuildAsync(EscalationSubject subject, bool mayDecide, Language language, EscalationCardExtras extras, CancellationToken cancellationToken)
    {
        var mode = subject.Value.State == EscalationState.Decided ? EscalationCardMode.Decided
            : mayDecide ? EscalationCardMode.Actionable
            : EscalationCardMode.ReadOnly;
        var model = await ModelAsync(subject, mode, language, cancellationToken).ConfigureAwait(false);
        return EscalationCard.Build(model with { Notice = extras.Notice, Errors = extras.Errors, Typed = extras.Typed }, language);
    }

    private async Task<EscalationCardModel> ModelAsync(EscalationSubject subject, EscalationCardMode mode, Language language, CancellationToken cancellationToken)
    {
        var record = subject.Assessment;
        var method = subject.Method;
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue)
            ?? throw new InvalidOperationException($"Assessment {record.Id} pins a catalogue this app does not know.");
        var summary = (SummaryStepView)new GuidedFlow(method, catalogue, NoNewIds.Instance)
            .View(record.Flow with { Step = FlowStep.Summary, FromSummary = false }, services.Today, language);
        var view = summary.Lines.First(l => l.Event.Id == subject.Value.EventId);
        var line = record.Assessment.Line(subject.Value.EventId);
        var band = method.Band(subject.Value.BandId);
        var appetite = method.AppetiteBand;
        var maxMonths = method.RuleFor(band).AcceptanceMaxMonths;
        var authority = method.Roles.Values.FirstOrDefault(r => r.Role == subject.Value.Authority)?.Label.In(language) ?? subject.Value.Authority.Id();
        return new EscalationCardModel(
            subject.Value.Id, record.Id, subject.System.Name, await NameAsync(record.OwnerObjectId, cancellationToken).ConfigureAwait(false),
            view.Event.Name, CardValues.Score(view.Score!), new CardBand(appetite.Label.In(language), appetite.Color, appetite.TextColor), authority,
            line?.Treatment is { } treatment ? await ProposalAsync(treatment, view.Residual, cancellationToken).ConfigureAwait(false) : null,
            subject.Value.Recommendation, mode)
        {
            Stamp = subject.Stamp,
            ComplianceGap = subject.Value.ComplianceGap,
            AcceptanceMaxMonths = maxMonths,
            Today = services.Today,
            LatestAcceptanceEnd = services.Today.AddMonths(maxMonths),
            Decision = subject.Value.Decision is { } decision ? await DecisionAsync(decision, cancellationToken).ConfigureAwait(false) : null,
        };
    }

    private async Task<EscalationCardProposal> ProposalAsync(Treatment treatment, ScoreView? residual, CancellationToken cancellationToken)
    {
        var measures = new List<EscalationCardMeasure>();
        foreach (var interim in treatment.InterimMeasures)
        {
            measures.Add(new(null, interim.Description, await NameAsync(interim.ResponsibleObjectId, cancellationToken).ConfigureAwait(false), null));
        }

        foreach (var measure in treatment.Measures)
        {
            measures.Add(new(measure.Id, measure.Description, await NameAsync(measure.ResponsibleObjectId, cancellationToken).ConfigureAwait(false), measure.Deadline));
        }

        return new(treatment.Kind, treatment.Justification, measures, residual is null ? null : CardValues.Score(residual));
    }

    private async Task<EscalationCardDecision> DecisionAsync(EscalationDecision decision, CancellationToken cancellationToken)
    {
        var required = new List<EscalationCardMeasure>();
        foreach (var measure in decision.RequiredMeasures)
        {
            required.Add(new(null, measure.Description, await NameAsync(measure.ResponsibleObjectId, cancellationToken).ConfigureAwait(false), measure.Deadline));
        }

        return new EscalationCardDecision(decision.Kind, await NameAsync(decision.DecidedByObjectId, cancellationToken).ConfigureAwait(false),
            DanishTime.DateOf(decision.DecidedAt), decision.Justification, decision.AcceptedUntil, decision.CaseNumber, decision.MinutesReference, required);
    }

    private async Task<string> NameAsync(string objectId, CancellationToken cancellationToken) =>
        (await services.Directory.FindUserAsync(objectId, cancellationToken).ConfigureAwait(false))?.DisplayName ?? objectId;

    /// <summary>The summary view creates nothing; a flow still wants an id source.</summary>
    private sealed class NoNewIds : IIdSource
    {
        public static NoNewIds Instance { get; } = new();

        public string NewId() => throw new InvalidOperationException("The escalation card creates nothing.");
    }
}

/// <summary>What a refused decision adds to the card: a notice, errors next to the inputs, what was typed.</summary>
internal sealed record EscalationCardExtras
{
    public string? Notice { get; init; }

    public IReadOnlyList<CardFieldError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();
}
