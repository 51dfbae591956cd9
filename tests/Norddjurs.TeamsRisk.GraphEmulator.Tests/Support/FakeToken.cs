using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

/// <summary>An unsigned JWT with the claims strict mode reads (roles or scp, appid), sent on every SDK request.</summary>
/// <param name="user">For a delegated token: the signed-in user's object id, name and UPN.</param>
public sealed class FakeToken(string appId, string[]? roles = null, string? scopes = null, (string Oid, string Name, string Upn)? user = null) : IAuthenticationProvider
{
    public string Value { get; } = Mint(appId, roles, scopes, user);

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Authorization", "Bearer " + Value);
        return Task.CompletedTask;
    }

    private static string Mint(string appId, string[]? roles, string? scopes, (string Oid, string Name, string Upn)? user)
    {
        var payload = new JsonObject { ["aud"] = "https://graph.microsoft.com", ["appid"] = appId };
        if (roles is not null)
        {
            payload["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray());
        }
        if (scopes is not null)
        {
            payload["scp"] = scopes;
        }
        if (user is { } u)
        {
            payload["oid"] = u.Oid;
            payload["name"] = u.Name;
            payload["upn"] = u.Upn;
        }
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part(payload.ToJsonString())}.sig";
    }

    private static string Part(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
