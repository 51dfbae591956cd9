using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Conversation;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Escalation;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Deciding;

namespace Norddjurs.TeamsRisk.Bot.Escalation;

/// <summary>
/// The decision card's actions (design.md §3): the per-user view, endorse, require other measures, accept. Decided on
/// the server: the actor's roles now (the band's authority or a higher rank, as <see cref="EscalationDecisions"/> rules),
/// the escalation's state and the card's stamp, then the inputs; a refused action changes nothing and answers with the
/// card again, its messages next to the inputs. The use case tells the owner and writes the audit entry.
/// </summary>
internal sealed class EscalationCardRouter(UseCaseServices services, EscalationCards cards, DecideEscalation decide)
{
    public static bool Handles(string verb) =>
        verb is CardVerbs.EscalationView or CardVerbs.EscalationEndorse or CardVerbs.EscalationRequire or CardVerbs.EscalationAccept;

    public async Task<JsonObject> HandleAsync(BotTurn turn, CardActionData action, JsonElement data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var subject = action.EscalationId is { Length: > 0 } id ? await cards.LoadAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var roles = subject is null ? new HashSet<Role>() : await services.Roles.RolesForSystemAsync(turn.Actor, subject.System, cancellationToken).ConfigureAwait(false);

        // Only who has a role for the system sees the escalation at all (no probing ids).
        if (subject is null || roles.Count == 0)
        {
            return AssessmentCards.Error(BotTexts.Get("error.not_found", language), language);
        }

        var mayDecide = EscalationDecisions.MayDecide(subject.Value, subject.Method, roles);
        if (action.Verb == CardVerbs.EscalationView)
        {
            return await cards.BuildAsync(subject, mayDecide, language, new EscalationCardExtras(), cancellationToken).ConfigureAwait(false);
        }

        // A retried invoke answers as the first time, before the state and stamp checks would refuse it (design.md §2.2).
        if (await services.Store.FindAppliedChangeAsync(turn.IdempotencyKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await cards.BuildAsync(subject, mayDecide, language, new EscalationCardExtras(), cancellationToken).ConfigureAwait(false);
        }

        if (subject.Value.State == EscalationState.Decided)
        {
            return await NoticeAsync(subject, mayDecide, language, "escalation.already_decided", cancellationToken).ConfigureAwait(false);
        }

        if (!mayDecide)
        {
            return await NoticeAsync(subject, mayDecide, language, "escalation.not_authority", cancellationToken).ConfigureAwait(false);
        }

        if (action.Stamp != subject.Stamp)
        {
            return await NoticeAsync(subject, mayDecide, language, "escalation.stale", cancellationToken).ConfigureAwait(false);
        }

        var typed = Typed(data);
        var (input, errors) = action.Verb switch
        {
            CardVerbs.EscalationEndorse => ReadEndorse(subject, typed, language),
            CardVerbs.EscalationRequire => ReadRequire(subject, typed, language),
            _ => ReadAccept(typed, language),
        };
        if (errors.Count > 0 || input is null)
        {
            return await RefusedAsync(subject, language, errors, typed, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await decide.HandleAsync(turn.Request, subject.Value.Id, input, cancellationToken).ConfigureAwait(false);
        var current = await cards.LoadAsync(subject.Value.Id, cancellationToken).ConfigureAwait(false) ?? subject;
        return outcome switch
        {
            Outcome<EscalationDecided>.Done => await cards.BuildAsync(current, mayDecide: false, language, new EscalationCardExtras(), cancellationToken).ConfigureAwait(false),
            Outcome<EscalationDecided>.Rejected rejected => await RefusedAsync(current, language,
                [.. rejected.Errors.Select(e => new CardFieldError(FieldOf(e, action.Verb), e.Message(language)))], typed, cancellationToken).ConfigureAwait(false),
            Outcome<EscalationDecided>.Forbidden => await NoticeAsync(current, mayDecide: false, language, "escalation.not_authority", cancellationToken).ConfigureAwait(false),
            Outcome<EscalationDecided>.Conflict => await cards.BuildAsync(current, mayDecide: true, language,
                new EscalationCardExtras { Notice = BotTexts.Get("notice.conflict", language), Typed = typed }, cancellationToken).ConfigureAwait(false),
            _ => AssessmentCards.Error(BotTexts.Get("error.not_found", language), language),
        };
    }

    /// <summary>Each planned measure's deadline as typed; only a changed one is sent as shortened (the use case refuses a longer one).</summary>
    private static (EscalationDecisionInput?, List<CardFieldError>) ReadEndorse(EscalationSubject subject, IReadOnlyDictionary<string, string> typed, Language language)
    {
        var errors = new List<CardFieldError>();
        var shortened = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var measures = subject.Assessment.Assessment.Line(subject.Value.EventId)?.Treatment?.Measures ?? [];
        foreach (var measure in measures)
        {
            var field = CardInputIds.ShortenedDeadline(measure.Id);
            var text = typed.GetValueOrDefault(field);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ParseDate(text) is not { } date)
            {
                errors.Add(new(field, BotTexts.Get("escalation.date_invalid", language)));
            }
            else if (date != measure.Deadline)
            {
                shortened[measure.Id] = date;
            }
        }

        return (new EscalationDecisionInput(EscalationDecisionKind.EndorseMeasures, ShortenedDeadlines: shortened), errors);
    }

    /// <summary>The required measure is the owner's to carry out: the owner is its responsible until they delegate it.</summary>
    private static (EscalationDecisionInput?, List<CardFieldError>) ReadRequire(EscalationSubject subject, IReadOnlyDictionary<string, string> typed, Language language)
    {
        var errors = new List<CardFieldError>();
        var description = typed.GetValueOrDefault(CardInputIds.RequiredMeasure)?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            errors.Add(new(CardInputIds.RequiredMeasure, DomainError.Of(WorkflowErrorCodes.RequiredMeasuresMissing).Message(language)));
        }
        else if (TooLong(CardInputIds.RequiredMeasure, description, EscalationCard.MaxTextLength, language) is { } tooLong)
        {
            errors.Add(tooLong);
        }

        var deadline = ParseDate(typed.GetValueOrDefault(CardInputIds.RequiredDeadline));
        if (deadline is null)
        {
            errors.Add(new(CardInputIds.RequiredDeadline, BotTexts.Get("escalation.date_invalid", language)));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new EscalationDecisionInput(EscalationDecisionKind.RequireMeasures,
                RequiredMeasures: [new RequiredMeasure(description!, subject.Assessment.OwnerObjectId, deadline!.Value)]), errors);
    }

    private static (EscalationDecisionInput?, List<CardFieldError>) ReadAccept(IReadOnlyDictionary<string, string> typed, Language language)
    {
        var errors = new List<CardFieldError>();
        var justification = typed.GetValueOrDefault(CardInputIds.AcceptJustification)?.Trim();
        if (justification is not null && TooLong(CardInputIds.AcceptJustification, justification, EscalationCard.MaxTextLength, language) is { } tooLong)
        {
            errors.Add(tooLong);
        }

        foreach (var field in new[] { CardInputIds.AcceptCaseNumber, CardInputIds.AcceptMinutes })
        {
            if (typed.GetValueOrDefault(field) is { } reference && TooLong(field, reference.Trim(), EscalationCard.MaxReferenceLength, language) is { } tooLongReference)
            {
                errors.Add(tooLongReference);
            }
        }

        var untilText = typed.GetValueOrDefault(CardInputIds.AcceptUntil);
        var until = ParseDate(untilText);
        if (!string.IsNullOrWhiteSpace(untilText) && until is null)
        {
            errors.Add(new(CardInputIds.AcceptUntil, BotTexts.Get("escalation.date_invalid", language)));
        }

        // Missing justification or end date, and the maximum, are the use case's to refuse: its messages land on the fields.
        return (new EscalationDecisionInput(EscalationDecisionKind.Accept, justification, until,
            typed.GetValueOrDefault(CardInputIds.AcceptCaseNumber), typed.GetValueOrDefault(CardInputIds.AcceptMinutes)), errors);
    }

    /// <summary>Core names the measure in its error's arguments; the card's inputs are named by the action's section.</summary>
    private static string FieldOf(DomainError error, string verb) => error.Code switch
    {
        WorkflowErrorCodes.JustificationRequired => CardInputIds.AcceptJustification,
        WorkflowErrorCodes.AcceptanceEndRequired or WorkflowErrorCodes.AcceptanceEndNotFuture or WorkflowErrorCodes.AcceptanceTooLong => CardInputIds.AcceptUntil,
        WorkflowErrorCodes.RequiredMeasuresMissing or WorkflowErrorCodes.RequiredMeasureIncomplete => CardInputIds.RequiredMeasure,
        WorkflowErrorCodes.DeadlinePassed when verb == CardVerbs.EscalationRequire => CardInputIds.RequiredDeadline,
        WorkflowErrorCodes.DeadlinePassed or WorkflowErrorCodes.DeadlineLengthened or WorkflowErrorCodes.UnknownMeasure
            when error.Args.TryGetValue("measure", out var measureId) => CardInputIds.ShortenedDeadline(measureId),
        _ => string.Empty,
    };

    private Task<JsonObject> RefusedAsync(EscalationSubject subject, Language language, IReadOnlyList<CardFieldError> errors, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken) =>
        cards.BuildAsync(subject, mayDecide: true, language, new EscalationCardExtras { Errors = errors, Typed = typed }, cancellationToken);

    private Task<JsonObject> NoticeAsync(EscalationSubject subject, bool mayDecide, Language language, string key, CancellationToken cancellationToken) =>
        cards.BuildAsync(subject, mayDecide, language, new EscalationCardExtras { Notice = BotTexts.Get(key, language) }, cancellationToken);

    private static CardFieldError? TooLong(string field, string text, int max, Language language) => text.Length <= max ? null : new(field,
        BotTexts.Format("committee.too_long", language, ("max", max.ToString(CultureInfo.InvariantCulture)), ("length", text.Length.ToString(CultureInfo.InvariantCulture))));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The card's inputs as typed; Teams sends every input's value as a string next to the action's data.</summary>
    private static Dictionary<string, string> Typed(JsonElement data)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return typed;
        }

        foreach (var property in data.EnumerateObject())
        {
            var isInput = property.Name.StartsWith("deadlines[", StringComparison.Ordinal)
                || property.Name.StartsWith("required.", StringComparison.Ordinal)
                || property.Name.StartsWith("accept.", StringComparison.Ordinal);
            if (isInput && property.Value.ValueKind == JsonValueKind.String)
            {
                typed[property.Name] = property.Value.GetString()!;
            }
        }

        return typed;
    }
}
