using System.Text.Json;
using System.Text.Json.Serialization;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// Reading rules of teams-bot-protocol.md §1.7: case-insensitive names, unknown members kept aside, camelCase and no
/// nulls on write. A JSON null where the model has no null is a wrong type, not a silent default.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeResponse))]
internal sealed partial class InboundJsonContext : JsonSerializerContext;
