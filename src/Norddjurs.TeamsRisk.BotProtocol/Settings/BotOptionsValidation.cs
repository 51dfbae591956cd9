using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol;

/// <summary>
/// The one start-up check of <c>Bot:*</c> (style-examples.md rule 9, design.md §10, teams-bot-protocol.md §2.6, §3.1,
/// §3.7), whichever half of the protocol is registered: the anonymous switch outside Development or next to credentials;
/// outside Development a missing app id, tenant or outbound credential; a credential without what its token needs; and
/// unsafe URLs or limits. Each failure names its key.
/// </summary>
public sealed class BotOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AddSwitchFailures(options, failures);
        AddRequiredKeyFailures(options, failures);
        AddCredentialFailures(options, failures);
        AddUrlAndLimitFailures(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void AddSwitchFailures(BotOptions options, List<string> failures)
    {
        if (!options.AllowUnauthenticatedLocalDevelopment)
        {
            return;
        }

        if (!environment.IsDevelopment())
        {
            failures.Add($"Bot:AllowUnauthenticatedLocalDevelopment is allowed only in Development, and the environment is {environment.EnvironmentName}. Remove the setting.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppId) || options.ConfiguredCredentials.Count > 0)
        {
            failures.Add("Bot:AllowUnauthenticatedLocalDevelopment cannot be combined with bot credentials (Bot:AppId, Bot:ClientSecret, Bot:CertificatePath, Bot:UseManagedIdentity). Remove one or the other.");
        }
    }

    /// <summary>Development may run without any (the bot then refuses every request and sends nothing); elsewhere all are needed.</summary>
    private void AddRequiredKeyFailures(BotOptions options, List<string> failures)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add($"Bot:AppId is missing; it is required in {environment.EnvironmentName} (the Azure Bot's Microsoft App ID, the audience of inbound tokens).");
        }

        if (options.ConfiguredCredentials.Count == 0)
        {
            failures.Add($"Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity is missing; one is required in {environment.EnvironmentName} (the bot's outbound credential).");
        }

        if (options.ServedTenantIds.Count == 0)
        {
            failures.Add($"Bot:TenantId is missing (or Bot:AllowedTenantIds); it is required in {environment.EnvironmentName} (the tenant whose conversations the bot serves).");
        }
    }

    private void AddCredentialFailures(BotOptions options, List<string> failures)
    {
        var credentials = options.ConfiguredCredentials;
        if (credentials.Count > 1)
        {
            failures.Add($"Only one outbound credential may be set, and {string.Join(", ", credentials)} are. Keep one.");
            return;
        }

        // In Development these are not required, but a credential that is set must be usable (outside it, the rule above names them).
        if (credentials.Count == 1 && environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add($"Bot:AppId is missing; {credentials[0]} needs it for the outbound token.");
        }

        if (credentials.Count == 1 && !options.UseManagedIdentity && string.IsNullOrWhiteSpace(options.TenantId)
            && (environment.IsDevelopment() || options.ServedTenantIds.Count > 0))
        {
            failures.Add($"Bot:TenantId is missing; {credentials[0]} asks for the token in the app's own tenant (the bot is single-tenant, teams-bot-protocol.md §3.1).");
        }
    }

    private static void AddUrlAndLimitFailures(BotOptions options, List<string> failures)
    {
        // Keys fetched over plain http could be forged; http only for a test issuer on this machine.
        var metadata = options.OpenIdMetadataUrl;
        if (!IsHttpsOrLoopbackHttp(metadata))
        {
            failures.Add($"Bot:OpenIdMetadataUrl must be an https URL (http only on loopback); it is {metadata}.");
        }

        if (!IsHttpsOrLoopbackHttp(options.TokenEndpointBase))
        {
            failures.Add($"Bot:TokenEndpointBase must be an https URL (http only on loopback, for tests); it is {options.TokenEndpointBase}.");
        }

        failures.AddRange(options.ServiceUrlAllowList.Where(entry => !Outbound.ServiceUrlAllowList.IsValidEntry(entry))
            .Select(entry => $"Bot:ServiceUrlAllowList entry '{entry}' is not a host name or '*.suffix'."));

        if (options.MaxRequestsPerSecond is < 1 or > 50)
        {
            failures.Add("Bot:MaxRequestsPerSecond must be between 1 and 50 (the per-app limit, teams-bot-protocol.md §3.6).");
        }

        if (options.MaxAttemptsPerCall < 1)
        {
            failures.Add("Bot:MaxAttemptsPerCall must be at least 1.");
        }
    }

    private static bool IsHttpsOrLoopbackHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
