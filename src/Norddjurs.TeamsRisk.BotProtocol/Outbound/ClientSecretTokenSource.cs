using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// Client credentials with a secret against the app's own tenant (single-tenant, §3.1):
/// <c>POST {TokenEndpointBase}{tenantId}/oauth2/v2.0/token</c> for scope <c>https://api.botframework.com/.default</c>.
/// </summary>
public sealed class ClientSecretTokenSource(HttpClient http, string tokenEndpointBase, string tenantId, string appId, string clientSecret, TimeProvider time)
    : IBotTokenSource
{
    public const string Scope = "https://api.botframework.com/.default";

    public Uri TokenEndpoint { get; } = new($"{tokenEndpointBase.TrimEnd('/')}/{Uri.EscapeDataString(tenantId)}/oauth2/v2.0/token");

    public async Task<BotToken> AcquireAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = appId,
            ["client_secret"] = clientSecret,
            ["scope"] = Scope,
        });

        // expires_in counts from when Entra issued the token, so the clock is read before asking.
        var requestedAt = time.GetUtcNow();
        try
        {
            using var response = await http.PostAsync(TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // Entra's error body can echo the client id; the status is enough to decide.
                var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                throw new BotTokenException($"The token endpoint answered {(int)response.StatusCode}.", transient, response.Headers.RetryAfter?.Delta);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var body = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Read(body.RootElement, requestedAt);
        }
        catch (HttpRequestException e)
        {
            throw new BotTokenException("The token endpoint did not answer.", isTransient: true, innerException: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BotTokenException("The token endpoint did not answer in time.", isTransient: true, innerException: e);
        }
        catch (JsonException e)
        {
            throw new BotTokenException("The token endpoint's answer is not JSON.", isTransient: false, innerException: e);
        }
    }

    private static BotToken Read(JsonElement root, DateTimeOffset requestedAt)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 } value
            || !root.TryGetProperty("expires_in", out var expiresIn))
        {
            throw new BotTokenException("The token endpoint's answer has no access_token or expires_in.", isTransient: false);
        }

        // expires_in is a number in v2.0, a string in some older answers.
        var seconds = expiresIn.ValueKind == JsonValueKind.String
            ? int.Parse(expiresIn.GetString()!, CultureInfo.InvariantCulture)
            : expiresIn.GetInt32();
        return new BotToken(value, requestedAt.AddSeconds(seconds));
    }
}
