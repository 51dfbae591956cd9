using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

/// <summary>The Teams payloads of teams-bot-protocol.md §1.6 (files under Payloads/) and the ids they share.</summary>
internal static class Payloads
{
    public const string TenantId = "4f1c2a9e-0000-4000-8000-0000000000aa";
    public const string BotAppId = "7d2e5f10-0000-4000-8000-00000000b0b0";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/4f1c2a9e-0000-4000-8000-0000000000aa/";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static Activity Activity(string name) => Parse(Text(name)).Activity!;

    public static ActivityParseResult Parse(string json) => ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

    public static ActivityParseResult Parse(JsonNode json) => Parse(json.ToJsonString());
}
