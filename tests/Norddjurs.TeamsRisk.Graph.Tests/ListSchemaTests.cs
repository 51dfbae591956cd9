using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Tests;

/// <summary>The naming rules of graph-sharepoint.md §2.5 and §2.2, checked on the schema as data.</summary>
public sealed partial class ListSchemaTests
{
    [Fact]
    public void Every_column_name_is_ascii_pascal_case_of_at_most_32_characters()
    {
        foreach (var column in ListSchema.Lists.SelectMany(l => l.Columns))
        {
            Assert.Matches(ColumnName(), column.Name);
        }
    }

    [Fact]
    public void Unique_columns_are_indexed_and_keys_are_distinct()
    {
        Assert.All(ListSchema.Lists.SelectMany(l => l.Columns).Where(c => c.Unique), c => Assert.True(c.Indexed, c.Name));
        Assert.Equal(ListSchema.Lists.Count, ListSchema.Lists.Select(l => l.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,31}$")]
    private static partial Regex ColumnName();
}
