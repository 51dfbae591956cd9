using System.Net.Http.Headers;
using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.GraphEmulator.Sites;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

/// <summary>
/// An emulator with one seeded site, and the real GraphServiceClient over it: built with GraphClientFactory
/// so the default middleware (retry, redirect, telemetry) runs (§7.8).
/// </summary>
public sealed class Emulated : IDisposable
{
    public const string Host = "norddjurs.sharepoint.com";
    public const string BaseUrl = "http://127.0.0.1/v1.0";

    private readonly HttpClient _http;

    public Emulated(EmulatorOptions? options = null)
    {
        Emulator = new GraphEmulator(options: options);
        Site = Emulator.SeedSite(Host, "/sites/Informationssikkerhed", "Informationssikkerhed");
        _http = GraphClientFactory.Create(finalHandler: new GraphEmulatorHandler(Emulator));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("NONISV|Norddjurs|TeamsRisk", "1.0"));
        Client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), BaseUrl);
        Raw = new HttpClient(new GraphEmulatorHandler(Emulator)) { BaseAddress = new Uri("http://127.0.0.1") };
    }

    public GraphEmulator Emulator { get; }

    public SiteState Site { get; }

    public GraphServiceClient Client { get; }

    /// <summary>Plain HTTP straight to the emulator, no SDK middleware, for URL-form and wire-shape tests.</summary>
    public HttpClient Raw { get; }

    public Microsoft.Graph.Sites.Item.Lists.Item.ListItemRequestBuilder ListById(string listId) => Client.Sites[Site.Id].Lists[listId];

    /// <summary>A list with the given columns, created through the SDK.</summary>
    public async Task<string> CreateListAsync(string displayName, params ColumnDefinition[] columns)
    {
        var list = await Client.Sites[Site.Id].Lists.PostAsync(new List
        {
            DisplayName = displayName,
            ListProp = new ListInfo { Template = "genericList" },
            Columns = [.. columns],
        });
        return list!.Id!;
    }

    public async Task<ListItem> CreateItemAsync(string listId, Dictionary<string, object> fields) =>
        (await ListById(listId).Items.PostAsync(new ListItem { Fields = new FieldValueSet { AdditionalData = fields } }))!;

    public static ColumnDefinition Text(string name, bool indexed = false, bool unique = false, int maxLength = 255) =>
        new() { Name = name, Text = new TextColumn { MaxLength = maxLength }, Indexed = indexed, EnforceUniqueValues = unique };

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose()
    {
        _http.Dispose();
        Raw.Dispose();
    }
}
