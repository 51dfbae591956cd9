using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Conversation;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Committee;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Reviewing;

namespace Norddjurs.TeamsRisk.Bot.Committee;

/// <summary>
/// The committee's card actions (risk-method.md §2.1 step 8; design.md §3): the per-user view (the card's refresh, and its
/// button for clients without refresh), Approve with a recommendation for every line that needs one, and Return with a comment. Everything is decided
/// here on the server: the actor's roles now, the state, the card's stamp and the inputs; a refused action changes nothing
/// and answers with the card again, its messages next to the inputs. A decision reaches everyone else through the use case's
/// <c>teams.update</c> row (PUT on the stored post).
/// </summary>
internal sealed class CommitteeCardRouter(UseCaseServices services, CommitteeCards cards, ApproveAssessment approve, ReturnAssessment returnIt, IOptions<TeamsOptions> teams)
{
    public static bool Handles(string verb) =>
        verb is CardVerbs.CommitteeView or CardVerbs.CommitteeReview or CardVerbs.CommitteeApprove or CardVerbs.CommitteeReturn;

    public async Task<JsonObject> HandleAsync(BotTurn turn, CardActionData action, JsonElement data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var subject = action.AssessmentId is { Length: > 0 } id ? await cards.LoadAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var roles = subject is null ? new HashSet<Role>() : await services.Roles.RolesForSystemAsync(turn.Actor, subject.System, cancellationToken).ConfigureAwait(false);

        // Anyone in the committee's channel may read the card posted there; elsewhere only who has a role for the system (no probing ids).
        if (subject is null || (roles.Count == 0 && !InCommitteeChannel(turn)))
        {
            return AssessmentCards.Error(BotTexts.Get("error.not_found", language), language);
        }

        var member = roles.Contains(Role.Committee);
        if (action.Verb == CardVerbs.CommitteeView || (action.Verb == CardVerbs.CommitteeReview && member))
        {
            return await cards.BuildAsync(subject, member, language, new CommitteeCardExtras(), cancellationToken).ConfigureAwait(false);
        }

        // A retried invoke answers as the first time, before the state and stamp checks would refuse it (design.md §2.2).
        if (await services.Store.FindAppliedChangeAsync(turn.IdempotencyKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await cards.BuildAsync(subject, member, language, new CommitteeCardExtras(), cancellationToken).ConfigureAwait(false);
        }

        if (!member)
        {
            return await NoticeAsync(subject, member, language, "committee.not_member", cancellationToken).ConfigureAwait(false);
        }

        if (subject.Value.State != AssessmentState.Submitted)
        {
            return await NoticeAsync(subject, member, language, "committee.already_decided", cancellationToken).ConfigureAwait(false);
        }

        if (action.Stamp != subject.Stamp)
        {
            return await NoticeAsync(subject, member, language, "committee.stale", cancellationToken).ConfigureAwait(false);
        }

        var typed = Typed(data);
        return action.Verb == CardVerbs.CommitteeApprove
            ? await ApproveAsync(turn, subject, typed, cancellationToken).ConfigureAwait(false)
            : await ReturnAsync(turn, subject, typed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ApproveAsync(BotTurn turn, CommitteeSubject subject, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var recommendations = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<CardFieldError>();
        foreach (var line in cards.NeedingRecommendation(subject))
        {
            var field = CardInputIds.Recommendation(line.EventId);
            var text = typed.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(new(field, DomainError.Of(WorkflowErrorCodes.RecommendationMissing, ("event", line.EventId), ("band", line.Score.Band.Id)).Message(language)));
            }
            else if (TooLong(field, text, language) is { } tooLong)
            {
                errors.Add(tooLong);
            }
            else
            {
                recommendations[line.EventId] = text;
            }
        }

        if (errors.Count > 0)
        {
            return await RefusedAsync(subject, language, errors, typed, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await approve.HandleAsync(turn.Request, subject.Value.Id, recommendations, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(turn, subject, outcome, typed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ReturnAsync(BotTurn turn, CommitteeSubject subject, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var comment = typed.GetValueOrDefault(CardInputIds.ReturnComment)?.Trim();
        CardFieldError? error = string.IsNullOrEmpty(comment)
            ? new(CardInputIds.ReturnComment, DomainError.Of(WorkflowErrorCodes.CommentRequired).Message(language))
            : TooLong(CardInputIds.ReturnComment, comment, language);
        if (error is not null)
        {
            return await RefusedAsync(subject, language, [error], typed, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await returnIt.HandleAsync(turn.Request, subject.Value.Id, comment, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(turn, subject, outcome, typed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Done: the decided card for the actor (everyone else gets it by PUT). Refused: the card again with the reasons.</summary>
    private async Task<JsonObject> AfterAsync(BotTurn turn, CommitteeSubject subject, Outcome<AssessmentChanged> outcome, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var current = await cards.LoadAsync(subject.Value.Id, cancellationToken).ConfigureAwait(false) ?? subject;
        switch (outcome)
        {
            case Outcome<AssessmentChanged>.Done:
                return await cards.BuildAsync(current, member: true, language, new CommitteeCardExtras(), cancellationToken).ConfigureAwait(false);
            case Outcome<AssessmentChanged>.Rejected rejected:
                var errors = rejected.Errors.Select(e => new CardFieldError(FieldOf(e), e.Message(language))).ToList();
                return await RefusedAsync(current, language, errors, typed, cancellationToken).ConfigureAwait(false);
            case Outcome<AssessmentChanged>.Forbidden:
                return await NoticeAsync(current, member: false, language, "committee.not_member", cancellationToken).ConfigureAwait(false);
            case Outcome<AssessmentChanged>.Conflict:
                return await cards.BuildAsync(current, member: true, language, new CommitteeCardExtras { Notice = BotTexts.Get("notice.conflict", language), Typed = typed }, cancellationToken).ConfigureAwait(false);
            default:
                return AssessmentCards.Error(BotTexts.Get("error.not_found", language), language);
        }
    }

    private Task<JsonObject> RefusedAsync(CommitteeSubject subject, Language language, IReadOnlyList<CardFieldError> errors, IReadOnlyDictionary<string, string> typed, CancellationToken cancellationToken) =>
        cards.BuildAsync(subject, member: true, language, new CommitteeCardExtras { Errors = errors, Typed = typed }, cancellationToken);

    private Task<JsonObject> NoticeAsync(CommitteeSubject subject, bool member, Language language, string key, CancellationToken cancellationToken) =>
        cards.BuildAsync(subject, member, language, new CommitteeCardExtras { Notice = BotTexts.Get(key, language) }, cancellationToken);

    /// <summary>Core names the line in its error's arguments; the card's input for it is <c>recommendations[event]</c>.</summary>
    private static string FieldOf(DomainError error) => error.Code switch
    {
        WorkflowErrorCodes.RecommendationMissing when error.Args.TryGetValue("event", out var eventId) => CardInputIds.Recommendation(eventId),
        WorkflowErrorCodes.CommentRequired => CardInputIds.ReturnComment,
        _ => string.Empty,
    };

    private static CardFieldError? TooLong(string field, string text, Language language) => text.Length <= CommitteeCard.MaxTextLength ? null : new(field,
        BotTexts.Format("committee.too_long", language, ("max", CommitteeCard.MaxTextLength.ToString(CultureInfo.InvariantCulture)), ("length", text.Length.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The card's text inputs as typed; Teams sends every input's value as a string next to the action's data.</summary>
    private static Dictionary<string, string> Typed(JsonElement data)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return typed;
        }

        foreach (var property in data.EnumerateObject())
        {
            var isInput = property.Name == CardInputIds.ReturnComment || property.Name.StartsWith("recommendations[", StringComparison.Ordinal);
            if (isInput && property.Value.ValueKind == JsonValueKind.String)
            {
                typed[property.Name] = property.Value.GetString()!;
            }
        }

        return typed;
    }

    private bool InCommitteeChannel(BotTurn turn) =>
        teams.Value.CommitteeChannel is { } channel && string.Equals(turn.Conversation.ChannelId, channel, StringComparison.Ordinal);
}
