using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Reach;

namespace Norddjurs.TeamsRisk.App.Reach;

/// <summary>
/// Outside Development owners must be reachable without a chat (issue 8 item 1), so <c>Teams:AppCatalogId</c> and
/// <c>Mail:SenderUserId</c> are required there; wherever either is set, Graph must be usable (<c>Graph:*</c>).
/// </summary>
internal sealed class ReachOptionsValidation(IHostEnvironment environment, IOptions<GraphOptions> graph, IOptions<TeamsAppInstallOptions> teams)
    : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        var catalogId = teams.Value.AppCatalogId;
        if (!environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(catalogId))
            {
                failures.Add("Teams:AppCatalogId is required outside Development: the app's id in the tenant catalogue, to install it for owners the bot has no chat with.");
            }

            if (string.IsNullOrWhiteSpace(options.SenderUserId))
            {
                failures.Add("Mail:SenderUserId is required outside Development: the mailbox (object id or UPN) the mail fallback is sent as.");
            }
        }

        if (!string.IsNullOrWhiteSpace(catalogId) && !Guid.TryParse(catalogId, out _))
        {
            failures.Add($"Teams:AppCatalogId must be the catalogue app's id (a GUID); it is '{catalogId}'.");
        }

        if (!string.IsNullOrWhiteSpace(catalogId) || !string.IsNullOrWhiteSpace(options.SenderUserId))
        {
            failures.AddRange(graph.Value.Problems());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
