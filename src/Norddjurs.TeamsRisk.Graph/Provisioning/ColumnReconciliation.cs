using Microsoft.Graph.Models;
using Norddjurs.TeamsRisk.Graph.Lists;
using GraphColumn = Microsoft.Graph.Models.ColumnDefinition;
using SchemaColumn = Norddjurs.TeamsRisk.Graph.Lists.ColumnDefinition;

namespace Norddjurs.TeamsRisk.Graph.Provisioning;

/// <summary>
/// One desired column against what the list has (graph-sharepoint.md §2.6 step 4): the create body, or the PATCH bodies
/// with only the differences. Uniqueness is its own, later PATCH because SharePoint wants the index first.
/// </summary>
internal static class ColumnReconciliation
{
    private const string SingleLineText = "text";
    private const string MultiLineText = "text (multiple lines)";
    private const string MultiChoice = "choice (multiple)";

    /// <summary>The create body: every desired property but <c>enforceUniqueValues</c>, which <see cref="Differences"/> then adds.</summary>
    public static GraphColumn CreateBody(SchemaColumn desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var column = new GraphColumn
        {
            Name = desired.Name,
            DisplayName = desired.DisplayName,
            Required = desired.Required,
            Indexed = desired.Indexed || desired.Unique,
            EnforceUniqueValues = false,
        };
        if (desired.Description is { } description)
        {
            column.Description = description;
        }

        switch (desired.Kind)
        {
            case ColumnKind.Text:
                column.Text = new TextColumn { AllowMultipleLines = false, MaxLength = MaxLength(desired), TextType = "plain" };
                break;
            case ColumnKind.Note:
                column.Text = new TextColumn { AllowMultipleLines = true, TextType = "plain" };
                break;
            case ColumnKind.Number:
                column.Number = new NumberColumn();
                break;
            case ColumnKind.DateTime:
                column.DateTime = new DateTimeColumn { Format = "dateTime", DisplayAs = "default" };
                break;
            case ColumnKind.Boolean:
                column.Boolean = new BooleanColumn();
                break;
            case ColumnKind.Choice:
                column.Choice = new ChoiceColumn { Choices = [.. desired.Choices ?? []], DisplayAs = "dropDownMenu", AllowTextEntry = false };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(desired), desired.Kind, "Unknown column kind.");
        }

        return column;
    }

    /// <summary>The type the column has, in the words of <see cref="TypeOf(SchemaColumn)"/>; a type we do not use by its facet name.</summary>
    public static string TypeOf(GraphColumn actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return actual switch
        {
            { Text: { } text } => text.AllowMultipleLines == true ? MultiLineText : SingleLineText,
            { Number: not null } => "number",
            { DateTime: not null } => "dateTime",
            { Boolean: not null } => "boolean",
            { Choice: { } choice } => choice.DisplayAs == "checkBoxes" ? MultiChoice : "choice",
            { PersonOrGroup: not null } => "personOrGroup",
            { Lookup: not null } => "lookup",
            { Currency: not null } => "currency",
            { HyperlinkOrPicture: not null } => "hyperlinkOrPicture",
            _ => "unknown",
        };
    }

    public static string TypeOf(SchemaColumn desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return desired.Kind switch
        {
            ColumnKind.Text => SingleLineText,
            ColumnKind.Note => MultiLineText,
            ColumnKind.Number => "number",
            ColumnKind.DateTime => "dateTime",
            ColumnKind.Boolean => "boolean",
            ColumnKind.Choice => "choice",
            _ => throw new ArgumentOutOfRangeException(nameof(desired), desired.Kind, "Unknown column kind."),
        };
    }

    /// <summary>
    /// The PATCH bodies that make <paramref name="actual"/> what <paramref name="desired"/> says, in order (none when they
    /// agree), and the names of the changed properties. The type must already agree.
    /// </summary>
    public static (IReadOnlyList<GraphColumn> Patches, IReadOnlyList<string> Changed) Differences(SchemaColumn desired, GraphColumn actual)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var patch = new GraphColumn();
        var changed = new List<string>();
        if (!string.Equals(actual.DisplayName, desired.DisplayName, StringComparison.Ordinal))
        {
            patch.DisplayName = desired.DisplayName;
            changed.Add("displayName");
        }

        if (!string.Equals(actual.Description ?? string.Empty, desired.Description ?? string.Empty, StringComparison.Ordinal))
        {
            patch.Description = desired.Description ?? string.Empty;
            changed.Add("description");
        }

        if ((actual.Required ?? false) != desired.Required)
        {
            patch.Required = desired.Required;
            changed.Add("required");
        }

        var indexed = desired.Indexed || desired.Unique;
        if ((actual.Indexed ?? false) != indexed)
        {
            patch.Indexed = indexed;
            changed.Add("indexed");
        }

        // Dropping uniqueness goes with (or before) dropping the index; adding it waits for the next PATCH.
        var unique = actual.EnforceUniqueValues ?? false;
        if (unique && !desired.Unique)
        {
            patch.EnforceUniqueValues = false;
            changed.Add("enforceUniqueValues");
        }

        if (desired.Kind == ColumnKind.Text && (actual.Text?.MaxLength ?? 255) != MaxLength(desired))
        {
            patch.Text = new TextColumn { MaxLength = MaxLength(desired) };
            changed.Add("maxLength");
        }

        if (desired.Kind == ColumnKind.Choice && !(actual.Choice?.Choices ?? []).SequenceEqual(desired.Choices ?? [], StringComparer.Ordinal))
        {
            patch.Choice = new ChoiceColumn { Choices = [.. desired.Choices ?? []] };
            changed.Add("choices");
        }

        var patches = new List<GraphColumn>();
        if (changed.Count > 0)
        {
            patches.Add(patch);
        }

        if (!unique && desired.Unique)
        {
            patches.Add(new GraphColumn { EnforceUniqueValues = true });
            changed.Add("enforceUniqueValues");
        }

        return (patches, changed);
    }

    private static int MaxLength(SchemaColumn desired) => desired.MaxLength ?? 255;
}
