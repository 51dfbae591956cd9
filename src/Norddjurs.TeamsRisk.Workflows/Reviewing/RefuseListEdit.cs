using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>Why an edit made in the SharePoint list was put back; texts in Core/Workflow/ListEdits/Texts.resx.</summary>
public static class ListEditErrorCodes
{
    /// <summary>The editor is not a member of the committee (design.md §4).</summary>
    public const string NotCommittee = "list_edit.not_committee";

    /// <summary>A column only the app writes was changed; <c>{columns}</c> names them.</summary>
    public const string ColumnNotEditable = "list_edit.column_not_editable";

    /// <summary>A decision the committee cannot take in the list (Eskaleret is automatic, design.md §3); <c>{decision}</c>.</summary>
    public const string DecisionNotSettable = "list_edit.decision_not_settable";

    /// <summary>A comment without a decision on a submission: the comment goes with Godkendt or Sendt retur.</summary>
    public const string DecisionRequired = "list_edit.decision_required";

    /// <summary>The decision or comment of an assessment already decided was changed or cleared.</summary>
    public const string DecisionFinal = "list_edit.decision_final";
}

/// <summary>
/// An edit of an assessment made directly in the SharePoint list that the app does not accept (design.md §1, §3): the
/// refusal is an audit entry (<see cref="AuditAction.ListEditRefused"/>: who tried, the values they wrote and the ones put
/// back, and why) and the editor is told why, Danish first, through the outbox. The list itself is put back by the caller
/// after this commits, so a crash in between is finished by a replay of the same key, which adds nothing twice.
/// </summary>
public sealed class RefuseListEdit(UseCaseServices services)
{
    /// <param name="record">The assessment as the app last wrote it: the list item may hold the person's edit of it.</param>
    public async Task<Outcome<ListEditRefusal>> HandleAsync(
        Request request, AssessmentRecord record, ListEditValues edit, IReadOnlyList<DomainError> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(reasons);
        if (await Replays.FindAsync<ListEditRefusal>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        if (actor.Roles.Count == 0)
        {
            // Anyone with edit rights on the list can try; the entry must still say they acted in no role of ours.
            actor = actor with { Roles = ["none"] };
        }

        var danish = string.Join(" ", reasons.Select(r => r.Message(Language.Danish)));
        var english = string.Join(" ", reasons.Select(r => r.Message(Language.English)));
        var assessment = record.Assessment;
        var change = new ChangeSet(request, actor, services.Now)
            .Audit(AuditAction.ListEditRefused, AuditContexts.Subject(assessment), AuditContexts.For(assessment, record.SystemId),
                decision: new JsonObject
                {
                    ["outcome"] = "restored",
                    ["reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)r.Code)]),
                },
                before: Values(edit.Restored),
                after: Values(edit.Attempted))
            .Notify(new Notification(NotificationTemplates.ListEditRefused, NotificationTarget.User(request.Actor.ObjectId), new Dictionary<string, string>
            {
                ["assessmentId"] = record.Id,
                ["reason"] = danish + "\n\n" + english,
                ["reason.da"] = danish,
                ["reason.en"] = english,
            }));
        return await change.CommitAsync(services.Store, new ListEditRefusal(record.Id, [.. reasons.Select(r => r.Code)]), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Values(IReadOnlyDictionary<string, string?> values) =>
        new(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));
}

/// <summary>The changed columns of one list edit by their internal names: what the person wrote, and what the app puts back.</summary>
public sealed record ListEditValues(IReadOnlyDictionary<string, string?> Attempted, IReadOnlyDictionary<string, string?> Restored);

/// <summary>What a refusal answers: the assessment and the codes of why (a replay answers the same).</summary>
public sealed record ListEditRefusal(string AssessmentId, IReadOnlyList<string> Reasons);
