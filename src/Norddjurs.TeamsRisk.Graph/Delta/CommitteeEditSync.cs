using System.Text;
using Microsoft.Extensions.Logging;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Delta;

/// <summary>
/// Committee edits in the SharePoint list flow back (issue 7 item 2): one round reads the assessment list's changes since
/// the stored cursor through <c>items/delta</c> (graph-sharepoint.md §4.5), hands every changed item to
/// <see cref="CommitteeEditHandler"/>, and stores Graph's next link only after the page's items are handled — so a crash
/// replays a page (each item is handled idempotently) and never skips one. The first round starts from now: what the list
/// held before is the app's record, not an edit. The caller runs it under a lease, one instance at a time.
/// </summary>
public sealed partial class CommitteeEditSync(GraphRiskStore store, UseCaseServices services, ILogger<CommitteeEditSync> logger)
{
    /// <summary>The cursor's id among the store's sync cursors.</summary>
    public const string CursorId = "assessments.committee-edits";

    /// <summary>The lease a caller holds while it runs a round: one instance at a time, so no edit is judged twice at once.</summary>
    public const string LeaseName = "graph.committee-edit-sync";

    private const int PageSize = 200;

    private readonly CommitteeEditHandler _handler = new(store, services, logger);

    private static string ListKey => ListSchema.DocumentListKeys[DocumentKinds.Assessment];

    public async Task<CommitteeSyncReport> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = services.Now;
        var cursor = await DeltaCursor.ReadAsync(services.Store, CursorId, cancellationToken).ConfigureAwait(false);
        if (cursor is null || !IsOurs(cursor.Value.Link))
        {
            if (cursor is not null)
            {
                LogCursorRefused(logger);
            }

            // token=latest: an empty page with a deltaLink from now on (§4.5).
            var latest = await store.Gateway.SendAsync(new GraphRequest("GET", DeltaUrl() + "&token=latest"), cancellationToken).ConfigureAwait(false);
            var start = latest?["@odata.deltaLink"]?.GetValue<string>() ?? throw new GraphStoreException("Graph's delta answer for token=latest had no deltaLink.");
            await DeltaCursor.SaveAsync(services.Store, CursorId, cursor, new DeltaCursor(start, now), cancellationToken).ConfigureAwait(false);
            LogBaseline(logger);
            return new CommitteeSyncReport { Baseline = true };
        }

        var report = new CommitteeSyncReport();
        var link = cursor.Value.Link;
        var resynced = false;
        while (true)
        {
            System.Text.Json.Nodes.JsonNode? page;
            try
            {
                page = await store.Gateway.SendAsync(new GraphRequest("GET", link), cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (e.Status == 410 && !resynced)
            {
                // The token expired (§4.5): enumerate the list again. Every item is compared with what the app wrote into
                // it, so only the edits made meanwhile act; the rest is ignored.
                LogResync(logger);
                resynced = true;
                link = DeltaUrl();
                continue;
            }

            report.Pages++;
            foreach (var item in page?["value"]?.AsArray() ?? [])
            {
                report.Add(await _handler.HandleAsync(item!, cancellationToken).ConfigureAwait(false));
            }

            var next = page?["@odata.nextLink"]?.GetValue<string>();
            var delta = page?["@odata.deltaLink"]?.GetValue<string>();
            if ((next ?? delta) is not { } moved || !IsOurs(moved))
            {
                throw new GraphStoreException(GraphStoreFault.BadQuery, null, "Graph's delta page had no nextLink or deltaLink on Graph's own host.");
            }

            cursor = await DeltaCursor.SaveAsync(services.Store, CursorId, cursor, new DeltaCursor(moved, services.Now), cancellationToken).ConfigureAwait(false);
            if (cursor is null)
            {
                // Another instance moved the cursor on (its lease expired under us): it carries on from there.
                return report;
            }

            if (next is null)
            {
                return report;
            }

            link = next;
        }
    }

    /// <summary>The first page's URL: the app's columns and the title of every changed item.</summary>
    private string DeltaUrl() =>
        new StringBuilder(store.ListPath(ListKey)).Append("/items/delta?$expand=")
            .Append(Uri.EscapeDataString($"fields($select={string.Join(',', ListItemEdit.Columns)})"))
            .Append("&$top=").Append(PageSize).ToString();

    /// <summary>
    /// A stored link is followed only to Graph's own host and this list: the cursor lives in a list people can edit, and
    /// following it sends the app's token.
    /// </summary>
    private bool IsOurs(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, new Uri(store.Gateway.BaseUrl).Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == new Uri(store.Gateway.BaseUrl).Port
        && uri.AbsolutePath.Contains(store.ListId(ListKey), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(3701, LogLevel.Information, "Committee edit sync: first round, following the assessment list's changes from now on")]
    private static partial void LogBaseline(ILogger logger);

    [LoggerMessage(3702, LogLevel.Warning, "Committee edit sync: the delta token expired; comparing the whole assessment list with what the app wrote")]
    private static partial void LogResync(ILogger logger);

    [LoggerMessage(3703, LogLevel.Warning, "Committee edit sync: the stored cursor does not point at this list on Graph's host; starting again from now")]
    private static partial void LogCursorRefused(ILogger logger);
}

/// <summary>What one round did, for the log and the tests.</summary>
public sealed class CommitteeSyncReport
{
    /// <summary>The first round: the cursor was set to now, no item was looked at.</summary>
    public bool Baseline { get; init; }

    public int Pages { get; set; }

    /// <summary>Changed items that were the app's own writes, or a comment waiting for its decision.</summary>
    public int Ignored { get; private set; }

    /// <summary>Decisions turned into their transition (design.md §3).</summary>
    public int Applied { get; private set; }

    /// <summary>Edits put back, with the editor told why.</summary>
    public int Refused { get; private set; }

    /// <summary>Items left alone and logged: deleted in the list, in flight, or changed beyond what the app can tell.</summary>
    public int Skipped { get; private set; }

    public void Add(ListEditResult result)
    {
        switch (result)
        {
            case ListEditResult.Applied:
                Applied++;
                break;
            case ListEditResult.Refused:
                Refused++;
                break;
            case ListEditResult.Ignored:
                Ignored++;
                break;
            default:
                Skipped++;
                break;
        }
    }
}

/// <summary>What became of one changed item.</summary>
public enum ListEditResult
{
    Ignored,
    Applied,
    Refused,
    Skipped,
}
