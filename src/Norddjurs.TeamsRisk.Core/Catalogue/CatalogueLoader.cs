using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Json;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Catalogue;

/// <summary>Loads and validates an event catalogue document (risk-method.md §4), reporting every problem with its path.</summary>
public static class CatalogueLoader
{
    public static LoadResult<EventCatalogue> Load(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new DataReader();
        using var document = DataReader.Parse(utf8Json, reader);
        if (document is null)
        {
            return LoadResult<EventCatalogue>.Invalid(reader.Problems);
        }

        var catalogue = Read(document.RootElement, reader);
        if (catalogue is not null && !reader.HasProblems)
        {
            CheckRules(catalogue, reader);
        }

        return catalogue is null || reader.HasProblems
            ? LoadResult<EventCatalogue>.Invalid(reader.Problems)
            : LoadResult<EventCatalogue>.Valid(catalogue with { Sha256 = CanonicalJson.Sha256Hex(JsonNode.Parse(document.RootElement.GetRawText())) });
    }

    private static EventCatalogue? Read(JsonElement root, DataReader reader)
    {
        var doc = reader.Object(root, "$");
        if (doc is null)
        {
            return null;
        }

        var schemaVersion = MethodReader.SchemaVersion(doc, reader);

        var id = doc.String("id");
        var version = MethodReader.Semver(doc, "version", reader);
        var groups = doc.Array("groups", (e, p) =>
        {
            var group = reader.Object(e, p);
            var groupId = group?.String("id");
            var label = group?.Text("label");
            group?.End();
            return groupId is null || label is null ? null : new EventGroup(groupId, label);
        });
        var events = doc.Array("events", (e, p) => ReadEvent(e, p, reader));
        doc.End();
        return schemaVersion is null || id is null || version is null ? null : new EventCatalogue(schemaVersion.Value, id, version, groups, events, string.Empty);
    }

    private static CatalogueEvent? ReadEvent(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var id = scope.String("id");
        var group = scope.String("group");
        var baseline = scope.Bool("baseline");
        var suggest = new List<SuggestCondition>();
        scope.Strings("suggestWhen", each: (id, path) =>
        {
            if (SuggestConditionIds.TryParse(id, out var condition))
            {
                suggest.Add(condition);
            }
            else
            {
                reader.Report(path, DataErrorCodes.NotAllowed, ("value", id),
                    ("allowed", string.Join(", ", Enum.GetValues<SuggestCondition>().Select(c => c.Id()))));
            }
        });

        var cia = scope.Dimensions("cia");

        var name = scope.Text("name");
        var description = scope.Text("description", allowPlainString: true);
        var measures = scope.Array("measures", (e, p) => reader.Text(e, p, allowPlainString: true));
        var refs = ReadRefs(scope);
        var custom = scope.Bool("custom", required: false) ?? false;
        scope.End();
        return id is null || group is null || baseline is null || name is null || description is null
            ? null
            : new CatalogueEvent(id, group, baseline.Value, suggest, cia, name, description, measures, refs ?? EventRefs.None, custom);
    }

    private static EventRefs? ReadRefs(ObjectScope parent)
    {
        var scope = parent.Object("refs", required: false);
        if (scope is null)
        {
            return null;
        }

        var bsi = scope.Strings("bsi", required: false);
        var iso = scope.String("iso27005", required: false) ?? string.Empty;
        scope.End();
        return new EventRefs(bsi, iso);
    }

    private static void CheckRules(EventCatalogue catalogue, DataReader reader)
    {
        var groupIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Groups.Count; i++)
        {
            if (!groupIds.Add(catalogue.Groups[i].Id))
            {
                reader.Report($"$.groups[{i}].id", DataErrorCodes.DuplicateId, ("id", catalogue.Groups[i].Id));
            }
        }

        if (catalogue.Events.Count == 0)
        {
            reader.Report("$.events", DataErrorCodes.Empty);
        }

        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Events.Count; i++)
        {
            var e = catalogue.Events[i];
            var path = $"$.events[{i}]";
            if (!eventIds.Add(e.Id))
            {
                reader.Report($"{path}.id", DataErrorCodes.DuplicateId, ("id", e.Id));
            }

            if (!groupIds.Contains(e.Group))
            {
                reader.Report($"{path}.group", DataErrorCodes.UnknownReference, ("value", e.Group), ("kind", "group"));
            }

            if (e.Cia.Count == 0)
            {
                reader.Report($"{path}.cia", DataErrorCodes.Empty);
            }
            else if (e.Cia.Distinct().Count() != e.Cia.Count)
            {
                reader.Report($"{path}.cia", DataErrorCodes.DuplicateId, ("id", string.Join(", ", e.Cia.Select(d => d.Id()))));
            }
        }
    }
}
