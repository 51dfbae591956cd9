using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Workflows.Method;

namespace Norddjurs.TeamsRisk.Tab.Coordinator.MethodVersions;

/// <summary>
/// A new version being edited in this circuit: copies of the active method and catalogue documents, changed by the
/// form or the JSON editor, and compared with the active ones. Nothing here is stored; publishing goes through
/// <see cref="PublishMethod"/>, which validates with the same loaders.
/// </summary>
public sealed class MethodDraft
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Starts from the active version, as a draft with the next minor version number and no approval.</summary>
    public MethodDraft(MethodVersionDocuments active)
    {
        ArgumentNullException.ThrowIfNull(active);
        Active = active;
        ActiveMethod = JsonNode.Parse(active.MethodJson)!;
        ActiveCatalogue = active.CatalogueJson is null ? null : JsonNode.Parse(active.CatalogueJson);
        Method = ActiveMethod.DeepClone();
        Catalogue = ActiveCatalogue?.DeepClone();
        Method["version"] = NextMinor(active.Summary.Version);
        Method["status"] = "draft";
        Method["approval"] = new JsonObject { ["approvedBy"] = null, ["approvedAt"] = null, ["decisionRef"] = null };
    }

    public MethodVersionDocuments Active { get; }

    public JsonNode ActiveMethod { get; }

    public JsonNode? ActiveCatalogue { get; }

    public JsonNode Method { get; private set; }

    public JsonNode? Catalogue { get; private set; }

    public string Version => MethodComparison.Display(Method["version"]) ?? string.Empty;

    public IReadOnlyList<ValueDifference> MethodChanges => MethodComparison.Compare(ActiveMethod, Method);

    public IReadOnlyList<EventDifference> EventChanges => CatalogueComparison.Compare(ActiveCatalogue, Catalogue);

    /// <summary>Only a changed catalogue is published with the method; an unchanged one is already stored.</summary>
    public bool CatalogueChanged => !JsonNode.DeepEquals(ActiveCatalogue, Catalogue);

    public byte[] MethodBytes => Encoding.UTF8.GetBytes(Method.ToJsonString());

    public byte[]? CatalogueBytes => CatalogueChanged && Catalogue is not null ? Encoding.UTF8.GetBytes(Catalogue.ToJsonString()) : null;

    public static string Read(JsonNode? document, string path) => MethodComparison.Display(DraftPath.Find(document, path)) ?? string.Empty;

    public void Write(DraftField field, string? text)
    {
        ArgumentNullException.ThrowIfNull(field);
        DraftPath.Replace(Method, field.Path, field.ToJson(text));
    }

    /// <summary>
    /// An event's text, or the catalogue's version; the method names the catalogue version it uses, so that follows
    /// (risk-method.md §3.8: the catalogue has its own version, and takes effect with the method naming it).
    /// </summary>
    public void WriteCatalogue(DraftField field, string? text)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Catalogue is not null && DraftPath.Replace(Catalogue, field.Path, field.ToJson(text)) && field.Path == "$.version")
        {
            DraftPath.Replace(Method, "$.eventCatalog.version", field.ToJson(text));
        }
    }

    /// <summary>Documents from the JSON editor, already known to parse.</summary>
    public void Replace(JsonNode method, JsonNode? catalogue)
    {
        Method = method;
        Catalogue = catalogue ?? Catalogue;
    }

    public static string Pretty(JsonNode? document) => document?.ToJsonString(Indented) ?? string.Empty;

    private static string NextMinor(string version) =>
        version.Split('.') is [var major, var minor, _] && int.TryParse(minor, CultureInfo.InvariantCulture, out var m)
            ? $"{major}.{(m + 1).ToString(CultureInfo.InvariantCulture)}.0"
            : version;
}
