using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary><c>GET /api/me</c>: who the caller is, their global roles (design.md §4) and their language (§9).</summary>
internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMeAsync).WithName("Me");
        return api;
    }

    private static async Task<Results<Ok<MeResponse>, ForbidHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, IDirectory directory, RoleResolver roles, CancellationToken cancellationToken)
    {
        if (!principal.TryGetActor(out var actor))
        {
            return TypedResults.Forbid();
        }

        var person = EntraIds.Same(actor.TenantId, directory.TenantId)
            ? await directory.FindUserAsync(actor.ObjectId, cancellationToken)
            : null;
        var globalRoles = await roles.GlobalRolesAsync(actor, cancellationToken);
        return TypedResults.Ok(new MeResponse(
            actor.ObjectId,
            actor.TenantId,
            person?.DisplayName ?? actor.Name,
            person?.Upn ?? principal.FindFirstValue(ActorClaims.Username),
            globalRoles.Order().Select(r => r.Id()).ToList(),
            LanguageOf(person?.PreferredLanguage)));
    }

    /// <summary>Danish unless the directory says English; the user's own choice (design.md §9) arrives with the store.</summary>
    private static string LanguageOf(string? preferredLanguage) =>
        preferredLanguage?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "da";

    internal sealed record MeResponse(string ObjectId, string TenantId, string? DisplayName, string? Upn, IReadOnlyList<string> Roles, string Language);
}
