using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;

namespace Norddjurs.TeamsRisk.Graph.Delta;

/// <summary>
/// One item of the assessment list compared with what the app last wrote into it (<see cref="AppColumns"/>): the columns a
/// person changed since, by internal name, and the values the app wrote there, which a restore puts back.
/// </summary>
internal sealed record ListItemEdit(ItemRecord Item, JsonObject AppWrite, IReadOnlyList<string> Changed)
{
    /// <summary>SharePoint's own title column: the app never writes it, so any value in it is a person's.</summary>
    public const string Title = "Title";

    public static ListDefinition List => ListSchema.Get(ListSchema.DocumentListKeys[Workflows.Ports.DocumentKinds.Assessment]);

    /// <summary>The columns the sync reads: every declared one and the title.</summary>
    public static IEnumerable<string> Columns => List.Columns.Select(c => c.Name).Prepend(Title);

    /// <summary>
    /// The item against the app's write rebuilt from <paramref name="source"/> (the item itself, or an earlier version when
    /// a person changed the document columns too); null when that rebuild does not carry the item's marker, so it is not
    /// what the app wrote.
    /// </summary>
    public static ListItemEdit? Compare(ItemRecord item, JsonObject source)
    {
        var list = List;
        var appWrite = AppColumns.Rebuilt(list, source);
        if (item.Number(ColumnNames.AppWriteVersion) is not { } marker || AppColumns.Fingerprint(list, appWrite) != marker)
        {
            return null;
        }

        var changed = AppColumns.Owned(list).Where(c => !AppColumns.Same(item.Fields[c.Name], appWrite[c.Name])).Select(c => c.Name).ToList();
        if (item.Text(Title) is { Length: > 0 })
        {
            changed.Add(Title);
        }

        return new ListItemEdit(item, appWrite, changed);
    }

    public bool IsUnchanged => Changed.Count == 0;

    /// <summary>Only the decision and the comment, the two columns the committee may set (design.md §1).</summary>
    public bool OnlyDecisionColumns => Changed.All(c => c is ColumnNames.CommitteeDecision or ColumnNames.CommitteeComment);

    public bool DecisionChanged => Changed.Contains(ColumnNames.CommitteeDecision);

    public string? Decision => Item.Text(ColumnNames.CommitteeDecision);

    public string? Comment => Item.Text(ColumnNames.CommitteeComment) is { } comment && !string.IsNullOrWhiteSpace(comment) ? comment.Trim() : null;

    /// <summary>The changed columns other than the decision's, by the labels people see in the list.</summary>
    public IReadOnlyList<string> ForbiddenLabels =>
        [.. Changed.Where(c => c is not (ColumnNames.CommitteeDecision or ColumnNames.CommitteeComment))
            .Select(c => c == Title ? "Titel" : List.Columns.First(d => d.Name == c).DisplayName)];

    /// <summary>The changed columns as the person left them and as the app wrote them (audit before/after).</summary>
    public IReadOnlyDictionary<string, string?> Attempted => Changed.ToDictionary(c => c, c => Value(Item.Fields[c]), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string?> Restored => Changed.ToDictionary(c => c, c => Value(AppWrite[c]), StringComparer.Ordinal);

    /// <summary>The fields that put the changed columns back as the app wrote them; the marker is left as it is and holds again.</summary>
    public JsonObject Restore() => new(Changed.Select(c => KeyValuePair.Create(c, c == Title ? null : AppWrite[c]?.DeepClone())));

    // The audit keeps a long value (the document's JSON) as its hash: entries stay small (graph-sharepoint.md §3.8).
    private const int LongestAuditedValue = 1000;

    private static string? Value(JsonNode? node)
    {
        var text = node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        };
        return text is { Length: > LongestAuditedValue }
            ? "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))
            : text;
    }
}
