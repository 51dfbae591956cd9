using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Workflows.Method;

public enum EventChange
{
    Unchanged,
    Added,
    Changed,
    Removed,
}

/// <summary>One event of the catalogue in the active version and in the draft (null where it is not there).</summary>
public sealed record EventDifference(string EventId, JsonObject? Active, JsonObject? Draft, EventChange Change);

/// <summary>
/// The events of two catalogue documents side by side, matched by id (risk-method.md §4: events are added or retired,
/// never renumbered): in the active order, then the draft's new ones.
/// </summary>
public static class CatalogueComparison
{
    public static IReadOnlyList<EventDifference> Compare(JsonNode? active, JsonNode? draft)
    {
        var before = Events(active);
        var after = Events(draft);
        var rows = before.Select(e => Row(e.Key, e.Value, after.GetValueOrDefault(e.Key))).ToList();
        rows.AddRange(after.Where(e => !before.ContainsKey(e.Key)).Select(e => Row(e.Key, null, e.Value)));
        return rows;
    }

    private static EventDifference Row(string id, JsonObject? active, JsonObject? draft) => new(id, active, draft, (active, draft) switch
    {
        (null, _) => EventChange.Added,
        (_, null) => EventChange.Removed,
        _ when JsonNode.DeepEquals(active, draft) => EventChange.Unchanged,
        _ => EventChange.Changed,
    });

    /// <summary>The document's events by id, in document order; events without an id are the loader's to report.</summary>
    private static Dictionary<string, JsonObject> Events(JsonNode? catalogue)
    {
        var events = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in (catalogue as JsonObject)?["events"] as JsonArray ?? [])
        {
            if (item is JsonObject e && e["id"] is JsonValue id && id.TryGetValue<string>(out var key))
            {
                events.TryAdd(key, e);
            }
        }

        return events;
    }
}
