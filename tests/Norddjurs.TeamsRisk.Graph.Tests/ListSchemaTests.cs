using System.Text.RegularExpressions;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

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

    [Fact]
    public void Every_document_kind_has_a_list_with_an_indexed_column_per_declared_index_and_a_unique_id()
    {
        foreach (var (kind, indexNames) in DocumentKinds.IndexNames)
        {
            var list = ListSchema.Get(ListSchema.DocumentListKeys[kind]);
            Assert.Contains(list.Columns, c => c is { Name: ColumnNames.DocId, Unique: true });
            Assert.Contains(list.Columns, c => c is { Name: ColumnNames.OperationId, Unique: true });
            Assert.All(indexNames, name => Assert.Contains(list.Columns, c => c.Name == ColumnNames.ForIndex(name) && c.Indexed));
        }
    }

    [Fact]
    public void Column_names_are_unique_within_each_list()
    {
        Assert.All(ListSchema.Lists, l => Assert.Equal(l.Columns.Count, l.Columns.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count()));
    }

    [Fact]
    public void The_config_list_has_the_key_and_value_columns_provisioning_writes()
    {
        var config = ListSchema.Get(ListSchema.ConfigListKey);

        Assert.Contains(config.Columns, c => c is { Name: "ConfigKey", Kind: ColumnKind.Text, Indexed: true, Unique: true });
        Assert.Contains(config.Columns, c => c is { Name: "ConfigValue", Kind: ColumnKind.Note });
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,31}$")]
    private static partial Regex ColumnName();
}
