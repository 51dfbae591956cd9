using Microsoft.Extensions.Options;

namespace Norddjurs.TeamsRisk.App.Authentication;

/// <summary>Refuses, at start-up, settings that would let the wrong people in (style-examples.md rule 9).</summary>
internal sealed class AuthOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment())
        {
            if (options.AllowDevelopmentSignIn)
            {
                failures.Add($"Auth:AllowDevelopmentSignIn is allowed only in Development, and the environment is {environment.EnvironmentName}. Remove the setting.");
            }

            if (string.IsNullOrWhiteSpace(options.TenantId))
            {
                failures.Add($"Auth:TenantId is missing; it is required in {environment.EnvironmentName} (the Entra tenant whose tokens the API accepts).");
            }

            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                failures.Add($"Auth:ClientId is missing; it is required in {environment.EnvironmentName} (the API's app registration).");
            }
        }

        // Plain http only for a test issuer on this machine: keys fetched over http elsewhere could be forged.
        if (!options.Instance.IsAbsoluteUri || (options.Instance.Scheme != Uri.UriSchemeHttps && !(options.Instance.Scheme == Uri.UriSchemeHttp && options.Instance.IsLoopback)))
        {
            failures.Add($"Auth:Instance must be an https URL (http only on loopback); it is {options.Instance}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
