namespace Norddjurs.TeamsRisk.GraphEmulator.Routing;

/// <summary>One request as the emulator sees it, whatever carried it (handler, Kestrel or a batch step).</summary>
/// <param name="Origin">Scheme, host and port of the incoming request; nextLinks are built from it (§10.1).</param>
/// <param name="RawTarget">The request target as sent: path and query, still percent-encoded (or raw in batch steps).</param>
public sealed record EmulatorRequest(
    string Method,
    string Origin,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    byte[]? Body,
    bool IsBatchStep = false)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static Dictionary<string, string> NewHeaders() => new(StringComparer.OrdinalIgnoreCase);
}
