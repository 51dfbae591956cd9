using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Method;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/methods</c> (risk-method.md §3.8): the versions and their documents for the coordinator, committee, auditor
/// and directorate; the coordinator publishes a draft (<c>{method, catalogue?}</c>, validated by the loaders; every
/// problem 400 with its JSON path, nothing stored) and records the approval that makes it active
/// (<c>{approvedBy, approvedAt, decisionRef}</c>; incomplete 400, nothing changed).
/// </summary>
internal static class MethodEndpoints
{
    public static RouteGroupBuilder MapMethods(this RouteGroupBuilder api)
    {
        var methods = api.MapGroup("/methods");
        methods.MapGet("/", ListAsync).WithName("ListMethodVersions");
        methods.MapGet("/{id}/{version}", ReadAsync).WithName("ReadMethodVersion");
        methods.MapPost("/", PublishAsync).WithName("PublishMethod");
        methods.MapPost("/{id}/{version}/approve", ApproveAsync).WithName("ApproveMethod");
        return api;
    }

    private static async Task<IResult> ListAsync(ApiCaller caller, MethodVersionsQuery versions, CancellationToken cancellationToken) =>
        (await versions.ListAsync(caller.Actor, cancellationToken)).ToHttp(caller);

    /// <summary>The documents as JSON (not as strings in JSON), so a client can edit and post them back.</summary>
    private static async Task<IResult> ReadAsync(string id, string version, ApiCaller caller, MethodVersionsQuery versions, CancellationToken cancellationToken) =>
        (await versions.ReadAsync(caller.Actor, id, version, cancellationToken)).ToHttp(caller, read => TypedResults.Ok(new VersionResponse(
            read.Summary, JsonNode.Parse(read.MethodJson)!, read.CatalogueJson is null ? null : JsonNode.Parse(read.CatalogueJson))));

    private static async Task<IResult> PublishAsync(HttpContext http, ApiCaller caller, PublishMethod publish, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<PublishBody>(http, caller, cancellationToken);
        if (!body.Ok)
        {
            return body.Problem;
        }

        var outcome = await publish.HandleAsync(caller.Change(), Utf8(body.Value.Method), body.Value.Catalogue is { } catalogue ? Utf8(catalogue) : null, cancellationToken);
        return outcome is Outcome<MethodVersionChanged>.Rejected rejected ? Invalid(rejected.Errors, caller) : outcome.ToHttp(caller);
    }

    private static async Task<IResult> ApproveAsync(string id, string version, HttpContext http, ApiCaller caller, ApproveMethod approve, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ApprovalBody>(http, caller, cancellationToken);
        return body.Ok
            ? (await approve.HandleAsync(caller.Change(), id, version, new MethodApproval(body.Value.ApprovedBy, body.Value.ApprovedAt, body.Value.DecisionRef), cancellationToken)).ToHttp(caller)
            : body.Problem;
    }

    private static byte[] Utf8(JsonNode document) => Encoding.UTF8.GetBytes(document.ToJsonString());

    /// <summary>400 with every error, and for each document problem its JSON path (<c>problems: [{document, path, code, message}]</c>).</summary>
    private static IResult Invalid(IReadOnlyList<DomainError> errors, ApiCaller caller) =>
        Problems.Of(StatusCodes.Status400BadRequest, "api.rejected", caller.Language, errors, new Dictionary<string, object?>
        {
            ["problems"] = errors.Select(e => new DocumentProblem(MethodDocuments.DocumentOf(e), MethodDocuments.PathOf(e), e.Code, ApiTexts.Message(e, caller.Language))).ToList(),
        });

    internal sealed record PublishBody(JsonObject Method, JsonObject? Catalogue);

    internal sealed record ApprovalBody(string? ApprovedBy, DateOnly? ApprovedAt, string? DecisionRef);

    internal sealed record VersionResponse(MethodVersionSummary Summary, JsonNode Method, JsonNode? Catalogue);

    internal sealed record DocumentProblem(string? Document, string? Path, string Code, string Message);
}
