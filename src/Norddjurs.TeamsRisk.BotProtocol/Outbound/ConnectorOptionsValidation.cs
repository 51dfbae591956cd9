using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Fails start-up naming the key: one credential, its app and tenant, a sane allow-list, the dev switch only in Development.</summary>
public sealed class ConnectorOptionsValidation(IHostEnvironment environment) : IValidateOptions<ConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorOptions options)
    {
        var failures = new List<string>();
        var credentials = new[] { !string.IsNullOrWhiteSpace(options.ClientSecret), !string.IsNullOrWhiteSpace(options.CertificatePath), options.UseManagedIdentity }.Count(set => set);

        if (options.AllowUnauthenticatedLocalDevelopment && !environment.IsDevelopment())
        {
            failures.Add($"Bot:AllowUnauthenticatedLocalDevelopment is for Development only; the environment is {environment.EnvironmentName}.");
        }

        if (credentials > 1)
        {
            failures.Add("Set only one of Bot:ClientSecret, Bot:CertificatePath and Bot:UseManagedIdentity.");
        }
        else if (credentials == 0 && !options.AllowUnauthenticatedLocalDevelopment)
        {
            failures.Add("The bot needs an outbound credential: Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity.");
        }

        if (credentials > 0 && string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add("Bot:AppId is required for the outbound token.");
        }

        if (credentials > 0 && !options.UseManagedIdentity && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Bot:TenantId is required: the bot is single-tenant (teams-bot-protocol.md §3.1).");
        }

        if (!options.TokenEndpointBase.IsAbsoluteUri
            || (options.TokenEndpointBase.Scheme != Uri.UriSchemeHttps && !options.TokenEndpointBase.IsLoopback))
        {
            failures.Add("Bot:TokenEndpointBase must be an absolute https URL (http only on loopback, for tests).");
        }

        failures.AddRange(options.ServiceUrlAllowList.Where(entry => !ServiceUrlAllowList.IsValidEntry(entry))
            .Select(entry => $"Bot:ServiceUrlAllowList entry '{entry}' is not a host name or '*.suffix'."));

        if (options.MaxRequestsPerSecond is < 1 or > 50)
        {
            failures.Add("Bot:MaxRequestsPerSecond must be between 1 and 50 (the per-app limit, teams-bot-protocol.md §3.6).");
        }

        if (options.MaxAttemptsPerCall < 1)
        {
            failures.Add("Bot:MaxAttemptsPerCall must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
