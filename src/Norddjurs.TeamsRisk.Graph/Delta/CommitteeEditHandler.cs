using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Graph.Delta;

/// <summary>
/// One changed item of the assessment list: the app's own write is ignored (its columns carry the app's marker); a person's
/// edit is read again with who made it (delta items carry no lastModifiedBy, graph-sharepoint.md §4.5), and a decision set
/// by a committee member becomes its transition through the same use cases as in Teams (so its audit entry and the
/// committee card's update come with it). Anything else — another column, an editor outside the committee, a transition
/// design.md §3 does not allow — is refused (audited, the editor told) and the columns put back with If-Match.
/// The idempotency key is the item's id and eTag: a replayed page applies nothing twice.
/// </summary>
internal sealed partial class CommitteeEditHandler(GraphRiskStore store, UseCaseServices services, ILogger logger)
{
    private readonly ApproveAssessment _approve = new(services);
    private readonly ReturnAssessment _return = new(services);
    private readonly RefuseListEdit _refuse = new(services);

    private static string ListKey => ListSchema.DocumentListKeys[DocumentKinds.Assessment];

    public async Task<ListEditResult> HandleAsync(JsonNode node, CancellationToken cancellationToken)
    {
        if (node["deleted"] is not null)
        {
            // The record itself is gone from the list; nothing to put back from. People should not hold delete rights here.
            LogDeleted(logger, node["id"]?.GetValue<string>());
            return ListEditResult.Skipped;
        }

        var item = ItemRecord.Parse(node);
        if (item.Pending)
        {
            // A change in flight: its confirmation is another write, which the next round sees.
            return ListEditResult.Skipped;
        }

        if (ListItemEdit.Compare(item, item.Fields) is { IsUnchanged: true })
        {
            return ListEditResult.Ignored;
        }

        var (current, editor) = await ReadWithEditorAsync(item.ItemId, cancellationToken).ConfigureAwait(false);
        if (current is null || current.Pending)
        {
            return ListEditResult.Skipped;
        }

        var edit = ListItemEdit.Compare(current, current.Fields) ?? await FromHistoryAsync(current, cancellationToken).ConfigureAwait(false);
        if (edit is null)
        {
            LogUntraceable(logger, current.ItemId);
            return ListEditResult.Skipped;
        }

        if (edit.IsUnchanged)
        {
            return ListEditResult.Ignored;
        }

        if (editor is null)
        {
            // The app wrote last, yet its columns differ: the list changes what the app writes, or a person's edit was
            // overwritten in between. Nobody to tell; putting it back would loop.
            LogNoEditor(logger, current.ItemId);
            return ListEditResult.Skipped;
        }

        return await DecideAsync(edit, editor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ListEditResult> DecideAsync(ListItemEdit edit, Editor editor, CancellationToken cancellationToken)
    {
        var assessmentId = ItemRecord.Text(edit.AppWrite, ColumnNames.DocId)!;
        var actor = Actor.Of(services.Directory.TenantId, editor.ObjectId, editor.Name);
        var request = new Request(actor, $"list-edit:{edit.Item.ItemId}:{edit.Item.ETag.Trim('"')}", AuditChannel.Api, $"sharepoint-list-item:{edit.Item.ItemId}");
        var reasons = new List<DomainError>();
        if (!edit.OnlyDecisionColumns)
        {
            reasons.Add(DomainError.Of(ListEditErrorCodes.ColumnNotEditable, ("columns", string.Join(", ", edit.ForbiddenLabels.Select(l => $"\"{l}\"")))));
        }

        var roles = await services.Roles.GlobalRolesAsync(actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Contains(Role.Committee))
        {
            reasons.Add(DomainError.Of(ListEditErrorCodes.NotCommittee));
        }

        if (reasons.Count > 0)
        {
            return await RefuseAsync(edit, request, reasons, cancellationToken).ConfigureAwait(false);
        }

        var record = StoreJson.Deserialize<AssessmentRecord>(ItemRecord.Text(edit.AppWrite, ColumnNames.Body)!);
        if (!edit.DecisionChanged)
        {
            // The comment goes with a decision (the list's form saves both at once); alone it would be lost at the app's next
            // write of the record, so it is refused now, with the reason, rather than dropped later without one.
            var reason = record.State == AssessmentState.Submitted ? ListEditErrorCodes.DecisionRequired : ListEditErrorCodes.DecisionFinal;
            return await RefuseAsync(edit, request, [DomainError.Of(reason)], cancellationToken).ConfigureAwait(false);
        }

        Outcome<AssessmentChanged>? outcome = edit.Decision switch
        {
            CommitteeDecisions.Approved => await _approve.HandleAsync(request, assessmentId, Recommendations(record, edit.Comment), cancellationToken).ConfigureAwait(false),
            CommitteeDecisions.Returned => await _return.HandleAsync(request, assessmentId, edit.Comment, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
        return outcome switch
        {
            Outcome<AssessmentChanged>.Done done => Applied(edit, done.Value.State),
            Outcome<AssessmentChanged>.Rejected rejected => await RefuseAsync(edit, request, rejected.Errors, cancellationToken).ConfigureAwait(false),
            Outcome<AssessmentChanged>.Forbidden forbidden => await RefuseAsync(edit, request, [forbidden.Error], cancellationToken).ConfigureAwait(false),
            Outcome<AssessmentChanged>.NotFound => await RefuseAsync(edit, request, [DomainError.Of(ListEditErrorCodes.NotCommittee)], cancellationToken).ConfigureAwait(false),
            Outcome<AssessmentChanged>.Conflict => throw Conflict(assessmentId),
            null when edit.Decision is { Length: > 0 } other =>
                await RefuseAsync(edit, request, [DomainError.Of(ListEditErrorCodes.DecisionNotSettable, ("decision", other))], cancellationToken).ConfigureAwait(false),
            _ => await RefuseAsync(edit, request, [DomainError.Of(ListEditErrorCodes.DecisionFinal)], cancellationToken).ConfigureAwait(false),
        };
    }

    private ListEditResult Applied(ListItemEdit edit, AssessmentState state)
    {
        LogApplied(logger, edit.Item.ItemId, state);
        return ListEditResult.Applied;
    }

    /// <summary>
    /// The list has one comment for the whole assessment: with an approval it is the committee's recommendation (indstilling)
    /// for every line that needs one and has none yet (design.md §3); without it, the approval is refused as in Teams.
    /// </summary>
    private Dictionary<string, string> Recommendations(AssessmentRecord record, string? comment)
    {
        var recommendations = new Dictionary<string, string>(record.Recommendations ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (comment is not null && services.Methods.FindMethod(record.Assessment.Method) is { } method)
        {
            foreach (var line in record.Assessment.Lines.Where(l => AssessmentWorkflow.NeedsRecommendation(l, method) && !recommendations.ContainsKey(l.EventId)))
            {
                recommendations[line.EventId] = comment;
            }
        }

        return recommendations;
    }

    /// <summary>Audit and notice first, then the columns put back: a crash in between is finished by the replay of the same key.</summary>
    private async Task<ListEditResult> RefuseAsync(ListItemEdit edit, Request request, IReadOnlyList<DomainError> reasons, CancellationToken cancellationToken)
    {
        var record = StoreJson.Deserialize<AssessmentRecord>(ItemRecord.Text(edit.AppWrite, ColumnNames.Body)!);
        var refused = await _refuse.HandleAsync(request, record, new ListEditValues(edit.Attempted, edit.Restored), reasons, cancellationToken).ConfigureAwait(false);
        if (refused is Outcome<ListEditRefusal>.Conflict)
        {
            throw Conflict(record.Id);
        }

        try
        {
            await store.Gateway.SendAsync(
                new GraphRequest("PATCH", $"{store.ListPath(ListKey)}/items/{edit.Item.ItemId}/fields", edit.Restore(), edit.Item.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (e.Status == 412)
        {
            // Edited again since we read it: that edit is in the next round's changes and is judged on its own.
            LogEditedAgain(logger, edit.Item.ItemId);
        }

        LogRefused(logger, edit.Item.ItemId, string.Join(",", reasons.Select(r => r.Code)));
        return ListEditResult.Refused;
    }

    /// <summary>The item now, with its last editor when that was a person (an app-only write names an application, no user id).</summary>
    private async Task<(ItemRecord? Item, Editor? Editor)> ReadWithEditorAsync(int itemId, CancellationToken cancellationToken)
    {
        var url = new StringBuilder(store.ListPath(ListKey)).Append("/items/").Append(itemId.ToString(CultureInfo.InvariantCulture))
            .Append("?$select=id,eTag,lastModifiedBy,lastModifiedDateTime&$expand=")
            .Append(Uri.EscapeDataString($"fields($select={string.Join(',', ListItemEdit.Columns)})")).ToString();
        JsonNode? node;
        try
        {
            node = await store.Gateway.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (e.Status == 404)
        {
            return (null, null);
        }

        var user = node?["lastModifiedBy"]?["user"];
        var editor = user?["id"]?.GetValue<string>() is { Length: > 0 } id ? new Editor(id, user["displayName"]?.GetValue<string>()) : null;
        return (ItemRecord.Parse(node!), editor);
    }

    /// <summary>
    /// A person changed the document's own columns too (its JSON, version or index): the app's last write is found in the
    /// item's version history, as the newest version that carries the item's marker.
    /// </summary>
    private async Task<ListItemEdit?> FromHistoryAsync(ItemRecord item, CancellationToken cancellationToken)
    {
        var url = $"{store.ListPath(ListKey)}/items/{item.ItemId.ToString(CultureInfo.InvariantCulture)}/versions?$expand=fields";
        var versions = await store.Gateway.SendAsync(new GraphRequest("GET", url), cancellationToken).ConfigureAwait(false);
        return (versions?["value"]?.AsArray() ?? [])
            .Select(v => v?["fields"] as JsonObject)
            .Where(f => f is not null)
            .Select(f => ListItemEdit.Compare(item, f!))
            .FirstOrDefault(e => e is not null);
    }

    private static GraphStoreException Conflict(string assessmentId) =>
        new(GraphStoreFault.Conflict, null, $"Assessment {assessmentId} changed while a list edit was applied; the page is read again next round.");

    private sealed record Editor(string ObjectId, string? Name);

    [LoggerMessage(3711, LogLevel.Information, "List item {ItemId}: the committee's decision was applied; the assessment is now {State}")]
    private static partial void LogApplied(ILogger logger, int itemId, AssessmentState state);

    [LoggerMessage(3712, LogLevel.Information, "List item {ItemId}: an edit was refused ({Reasons}) and put back; the editor is told")]
    private static partial void LogRefused(ILogger logger, int itemId, string reasons);

    [LoggerMessage(3713, LogLevel.Information, "List item {ItemId} was edited again before it could be put back; the newer edit is judged next round")]
    private static partial void LogEditedAgain(ILogger logger, int itemId);

    [LoggerMessage(3714, LogLevel.Error, "List item {ItemId}: its app columns were changed and no version in its history carries the app's marker; restore it from the version history by hand")]
    private static partial void LogUntraceable(ILogger logger, int itemId);

    [LoggerMessage(3715, LogLevel.Warning, "List item {ItemId}: its app columns differ from what the app wrote, but the app wrote it last; left alone")]
    private static partial void LogNoEditor(ILogger logger, int itemId);

    [LoggerMessage(3716, LogLevel.Error, "List item {ItemId} of the assessment list was deleted in SharePoint; the assessment's record is gone from the list")]
    private static partial void LogDeleted(ILogger logger, string? itemId);
}
