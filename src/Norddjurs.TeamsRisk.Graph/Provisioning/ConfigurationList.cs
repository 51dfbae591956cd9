using Norddjurs.TeamsRisk.Graph.Lists;

namespace Norddjurs.TeamsRisk.Graph.Provisioning;

/// <summary>
/// The small key/value list provisioning writes and the store reads (graph-sharepoint.md §2.6 step 6): one item per key,
/// <c>ConfigKey</c> (indexed, unique) → <c>ConfigValue</c>.
/// </summary>
public static class ConfigurationList
{
    public const string KeyColumn = "ConfigKey";

    public const string ValueColumn = "ConfigValue";

    /// <summary>The item holding <see cref="ListSchema.Version"/> as applied to the site.</summary>
    public const string SchemaVersionKey = "schemaVersion";

    /// <summary>The list's definition, used unless the schema brings its own under <see cref="ListSchema.ConfigListKey"/>.</summary>
    public static ListDefinition Definition { get; } = new(
        ListSchema.ConfigListKey,
        ListSchema.ConfigListKey,
        "TeamsRisk: skemaversion og listernes id'er. Skrives af provisioneringen; ret ikke i hånden.",
        [
            new ColumnDefinition(KeyColumn, "Nøgle", ColumnKind.Text, Indexed: true, Unique: true, Required: true, MaxLength: 255),
            new ColumnDefinition(ValueColumn, "Værdi", ColumnKind.Note),
        ]);

    /// <summary>The item holding the id of the list with this <see cref="ListDefinition.Key"/>.</summary>
    public static string ListIdKey(string listKey) => "list:" + listKey;
}
