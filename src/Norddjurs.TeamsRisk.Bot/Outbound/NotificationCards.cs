using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Escalation;
using Norddjurs.TeamsRisk.Cards.Notifications;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// A notification's card: the template and its data (assessment, deadline, comment or reason) plus the system's name,
/// read from the register through the assessment when the data carries only ids. An escalation, pending or decided, is its decision
/// card (<see cref="EscalationCards"/>): the authority decides in the chat itself.
/// </summary>
internal sealed class NotificationCards(IDocumentStore store, EscalationCards? escalations = null)
{
    public async Task<JsonObject> BuildAsync(Notification notification, Language language, CancellationToken cancellationToken)
    {
        var data = notification.Data;
        if (await EscalationCardAsync(notification, language, cancellationToken).ConfigureAwait(false) is { } decisionCard)
        {
            return decisionCard;
        }

        var assessmentId = Value(data, "assessmentId");
        var model = new NotificationCardModel(notification.Template)
        {
            AssessmentId = assessmentId,
            System = await SystemNameAsync(Value(data, "systemId"), assessmentId, cancellationToken).ConfigureAwait(false),
            Deadline = DateOnly.TryParseExact(Value(data, "deadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline) ? deadline : null,
            Note = Value(data, "comment") ?? Value(data, "reason"),
            Measure = Value(data, "measure"),
        };
        return NotificationCard.Build(model, language);
    }

    /// <summary>
    /// Pending: sent to the band's authority, so actionable; the server checks the roles again on every action, and a
    /// decided escalation answers any later action with its decided view. Decided: what the owner and the committee are told.
    /// </summary>
    private async Task<JsonObject?> EscalationCardAsync(Notification notification, Language language, CancellationToken cancellationToken) =>
        escalations is not null
        && notification.Template is NotificationTemplates.EscalationPending or NotificationTemplates.EscalationDecided
        && Value(notification.Data, "escalationId") is { } escalationId
        && await escalations.LoadAsync(escalationId, cancellationToken).ConfigureAwait(false) is { } subject
            ? await escalations.BuildAsync(subject, mayDecide: true, language, new EscalationCardExtras(), cancellationToken).ConfigureAwait(false)
            : null;

    private async Task<string?> SystemNameAsync(string? systemId, string? assessmentId, CancellationToken cancellationToken)
    {
        if (systemId is null && assessmentId is not null)
        {
            var assessment = await store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, assessmentId, cancellationToken).ConfigureAwait(false);
            systemId = assessment?.Value.SystemId;
        }

        if (systemId is null)
        {
            return null;
        }

        var system = await store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), cancellationToken).ConfigureAwait(false);
        return system?.Value.Name ?? systemId;
    }

    private static string? Value(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
