using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>One request as the fake connector saw it: the raw (still escaped) target, the unescaped route, headers, body, fake time.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyList<string> Route,
    string? Authorization,
    string? ContentType,
    JsonNode? Body,
    DateTimeOffset ReceivedAt);
