using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorHandler = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulatorHandler;

namespace Norddjurs.TeamsRisk.Graph.Tests.Support;

/// <summary>
/// A provisioned site on an in-process emulator for store tests. Provisioning here is a plain stand-in (POST each list and
/// its columns from <see cref="ListSchema"/>, then the TeamsRiskConfig items) until the provisioner replaces it.
/// </summary>
public sealed class TestSite
{
    public const string Host = "norddjurs.sharepoint.com";
    public const string Path = "/sites/risiko";
    public const string BaseUrl = "http://127.0.0.1/v1.0";

    private TestSite(Emulator emulator, string siteId, IReadOnlyDictionary<string, string> listIds)
    {
        Emulator = emulator;
        SiteId = siteId;
        ListIds = listIds;
    }

    public Emulator Emulator { get; }

    public string SiteId { get; }

    /// <summary>List key → list id.</summary>
    public IReadOnlyDictionary<string, string> ListIds { get; }

    public static GraphStoreOptions Options => new() { SiteUrl = $"https://{Host}{Path}" };

    /// <summary>A Graph client with the SDK's default middleware whose final handler is the emulator (§7.8).</summary>
    public static GraphServiceClient Client(Emulator emulator) =>
        new(GraphClientFactory.Create(finalHandler: new EmulatorHandler(emulator)), new AnonymousAuthenticationProvider(), BaseUrl);

    public static async Task<TestSite> ProvisionAsync(Emulator emulator, int schemaVersion = ListSchema.Version)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var site = emulator.SeedSite(Host, Path, "Risiko");
        using var http = GraphClientFactory.Create(finalHandler: new EmulatorHandler(emulator));
        var siteId = (await SendAsync(http, HttpMethod.Get, $"/sites/{Host}:{Path}", null))!["id"]!.GetValue<string>();
        _ = site;
        var listIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in ListSchema.Lists)
        {
            var created = await SendAsync(http, HttpMethod.Post, $"/sites/{siteId}/lists", new JsonObject
            {
                ["displayName"] = list.DisplayName,
                ["description"] = list.Description,
                ["list"] = new JsonObject { ["template"] = "genericList" },
            });
            var listId = created!["id"]!.GetValue<string>();
            listIds[list.Key] = listId;
            foreach (var column in list.Columns)
            {
                await SendAsync(http, HttpMethod.Post, $"/sites/{siteId}/lists/{listId}/columns", ColumnBody(column));
            }
        }

        var configItems = new Dictionary<string, string> { [ListSchema.SchemaVersionConfigKey] = schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, id) in listIds.Where(l => l.Key != ListSchema.ConfigListKey))
        {
            configItems[ListSchema.ListConfigKey(key)] = id;
        }

        foreach (var (key, value) in configItems)
        {
            await SendAsync(http, HttpMethod.Post, $"/sites/{siteId}/lists/{listIds[ListSchema.ConfigListKey]}/items", new JsonObject
            {
                ["fields"] = new JsonObject { [ColumnNames.ConfigKey] = key, [ColumnNames.ConfigValue] = value },
            });
        }

        return new TestSite(emulator, siteId, listIds);
    }

    public Task<GraphRiskStore> OpenStoreAsync(TimeProvider? time = null) =>
        GraphRiskStore.OpenAsync(Client(Emulator), Options, time, CancellationToken.None);

    public Guid ListId(string key) => Guid.Parse(ListIds[key]);

    private static JsonObject ColumnBody(ColumnDefinition column)
    {
        var body = new JsonObject
        {
            ["name"] = column.Name,
            ["displayName"] = column.DisplayName,
            ["indexed"] = column.Indexed || column.Unique,
            ["enforceUniqueValues"] = column.Unique,
            ["required"] = column.Required,
        };
        if (column.Description is not null)
        {
            body["description"] = column.Description;
        }

        switch (column.Kind)
        {
            case ColumnKind.Text:
                body["text"] = new JsonObject { ["maxLength"] = column.MaxLength ?? 255 };
                break;
            case ColumnKind.Note:
                body["text"] = new JsonObject { ["allowMultipleLines"] = true, ["textType"] = "plain" };
                break;
            case ColumnKind.Number:
                body["number"] = new JsonObject();
                break;
            case ColumnKind.DateTime:
                body["dateTime"] = new JsonObject { ["format"] = "dateTime" };
                break;
            case ColumnKind.Boolean:
                body["boolean"] = new JsonObject();
                break;
            case ColumnKind.Choice:
                body["choice"] = new JsonObject { ["choices"] = new JsonArray([.. column.Choices!.Select(c => (JsonNode)c)]), ["displayAs"] = "dropDownMenu" };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind.");
        }

        return body;
    }

    private static async Task<JsonNode?> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
        }

        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
    }
}
