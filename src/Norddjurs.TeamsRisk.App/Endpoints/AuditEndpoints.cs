using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Queries;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/audit</c>: read the sealed chain page by page, verify it against the stored head, and export it as the
/// JSON Lines file that <c>verify-audit</c> checks offline (design.md §6). Entries are written in their canonical form.
/// </summary>
internal static class AuditEndpoints
{
    public const string JsonLines = "application/x-ndjson";

    /// <summary>The name <c>verify-audit</c>'s README example uses.</summary>
    public const string ExportFileName = "export.jsonl";

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit");
        audit.MapGet("/", ReadAsync).WithName("ReadAudit");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit");
        audit.MapGet("/export", ExportAsync).WithName("ExportAudit");
        return api;
    }

    private static async Task<IResult> ReadAsync(ApiCaller caller, AuditQueries audit, long? fromSeq, int? max, CancellationToken cancellationToken) =>
        (await audit.ReadAsync(caller.Actor, fromSeq ?? 1, max ?? 100, cancellationToken)).ToHttp(caller, page =>
            TypedResults.Ok(new AuditPageResponse([.. page.Entries.Select(e => e.ToJson())], page.Head, page.NextSeq)));

    private static async Task<IResult> VerifyAsync(ApiCaller caller, AuditQueries audit, CancellationToken cancellationToken) =>
        (await audit.VerifyAsync(caller.Actor, cancellationToken)).ToHttp(caller, result =>
            TypedResults.Ok(new VerificationResponse(
                result.Intact, result.Count, result.Head, result.StoredHead,
                [.. result.Errors.Select(e => new Problems.ErrorItem(e.Code, ApiTexts.Message(e, caller.Language)))])));

    private static async Task<IResult> ExportAsync(ApiCaller caller, AuditQueries audit, CancellationToken cancellationToken)
    {
        var outcome = await audit.ExportAsync(caller.Actor, cancellationToken);
        return outcome is Workflows.Common.Outcome<string>.NotFound
            ? Problems.Of(StatusCodes.Status404NotFound, "api.audit_empty", caller.Language, [])
            : outcome.ToHttp(caller, text => TypedResults.File(Encoding.UTF8.GetBytes(text), JsonLines, ExportFileName));
    }

    internal sealed record AuditPageResponse(IReadOnlyList<JsonObject> Entries, ChainHead? Head, long? NextSeq);

    internal sealed record VerificationResponse(bool Intact, long Count, ChainHead? Head, ChainHead? StoredHead, IReadOnlyList<Problems.ErrorItem> Errors);
}
