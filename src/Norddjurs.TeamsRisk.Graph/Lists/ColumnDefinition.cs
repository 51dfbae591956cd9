namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>The type facet of a column (graph-sharepoint.md §2.2); exactly one per column.</summary>
public enum ColumnKind
{
    /// <summary>Single line of text, at most 255 characters.</summary>
    Text,

    /// <summary>Multiple lines of plain text: JSON documents, comments, justifications.</summary>
    Note,

    Number,
    DateTime,
    Boolean,
    Choice,
}

/// <summary>
/// One desired column of a list, as data (graph-sharepoint.md §2.6). <see cref="Name"/> is the ASCII internal name the
/// app reads and writes (§2.5: PascalCase, letters and digits, ≤ 32 characters); <see cref="DisplayName"/> is the Danish
/// label people see in SharePoint. <see cref="Unique"/> implies <see cref="Indexed"/>. <see cref="SourcePath"/>, when set,
/// names the property of the stored JSON document (dotted path) that the store copies into this column on every write,
/// so the committee can read and filter it in SharePoint; the JSON stays the record. <see cref="ValueLabels"/>, when set,
/// turns the document's language-neutral value into the label the column shows (a choice column's Danish choices).
/// </summary>
public sealed record ColumnDefinition(
    string Name,
    string DisplayName,
    ColumnKind Kind,
    bool Indexed = false,
    bool Unique = false,
    bool Required = false,
    int? MaxLength = null,
    IReadOnlyList<string>? Choices = null,
    string? Description = null,
    string? SourcePath = null,
    IReadOnlyDictionary<string, string>? ValueLabels = null);
