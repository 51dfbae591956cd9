using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// Refuses, at start-up, settings that would let the wrong callers in (style-examples.md rule 9, teams-bot-protocol.md
/// §2.6): the anonymous switch outside Development or next to credentials, and, outside Development, a missing app id,
/// tenant or outbound credential — each failure names its key.
/// </summary>
public sealed class BotOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var credentials = options.ConfiguredCredentials;
        if (options.AllowUnauthenticatedLocalDevelopment)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"Bot:AllowUnauthenticatedLocalDevelopment is allowed only in Development, and the environment is {environment.EnvironmentName}. Remove the setting.");
            }

            if (!string.IsNullOrWhiteSpace(options.AppId) || credentials.Count > 0)
            {
                failures.Add("Bot:AllowUnauthenticatedLocalDevelopment cannot be combined with bot credentials (Bot:AppId, Bot:ClientSecret, Bot:CertificatePath, Bot:UseManagedIdentity). Remove one or the other.");
            }
        }

        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(options.AppId))
            {
                failures.Add($"Bot:AppId is missing; it is required in {environment.EnvironmentName} (the Azure Bot's Microsoft App ID, the audience of inbound tokens).");
            }

            if (credentials.Count == 0)
            {
                failures.Add($"Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity is missing; one is required in {environment.EnvironmentName} (the bot's outbound credential).");
            }

            if (options.ServedTenantIds.Count == 0)
            {
                failures.Add($"Bot:TenantId is missing (or Bot:AllowedTenantIds); it is required in {environment.EnvironmentName} (the tenant whose conversations the bot serves).");
            }
        }

        if (credentials.Count > 1)
        {
            failures.Add($"Only one outbound credential may be set, and {string.Join(", ", credentials)} are. Keep one.");
        }

        // Keys fetched over plain http could be forged; http only for a test issuer on this machine.
        var metadata = options.OpenIdMetadataUrl;
        if (!metadata.IsAbsoluteUri || (metadata.Scheme != Uri.UriSchemeHttps && !(metadata.Scheme == Uri.UriSchemeHttp && metadata.IsLoopback)))
        {
            failures.Add($"Bot:OpenIdMetadataUrl must be an https URL (http only on loopback); it is {metadata}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
