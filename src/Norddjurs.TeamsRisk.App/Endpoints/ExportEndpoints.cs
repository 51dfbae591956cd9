using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Tab.Exports;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/exports</c>: the auditor's register workbook and the printable report per system and round, for the auditor,
/// the committee and the coordinator. Each export is an <c>ExportGenerated</c> audit entry (risk-method.md §5) written
/// before the file is sent: an export that cannot be recorded is not handed out.
/// </summary>
internal static class ExportEndpoints
{
    public const int MaxRoundLength = 200;

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/exports");
        exports.MapGet("/register.xlsx", RegisterAsync).WithName("ExportRegister");
        exports.MapGet("/systems/{id}/report", ReportAsync).WithName("ExportSystemReport");
        return api;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, ApiCaller caller, ExportQueries exports, RecordExport record, CancellationToken cancellationToken)
    {
        var outcome = await exports.RegisterAsync(caller.Actor, cancellationToken);
        if (outcome is not Outcome<RegisterExport>.Done done)
        {
            return outcome.ToHttp(caller);
        }

        var export = done.Value;
        var recorded = await RecordAsync(http, caller, record, new AuditSubject("export", "register.xlsx"), new JsonObject
        {
            ["format"] = "xlsx",
            ["systems"] = export.Systems.Count,
            ["riskLines"] = export.Risks.Count,
            ["methodVersion"] = export.Method.Version,
            ["chainHeadSeq"] = export.ChainHead?.Seq,
            ["chainHeadHash"] = export.ChainHead?.Hash,
        }, cancellationToken);
        if (recorded is not null)
        {
            return recorded;
        }

        // A temporary file, not memory: the package is a zip that needs a seekable stream; the file goes when sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        RegisterWorkbook.Write(export, file);
        file.Position = 0;
        return TypedResults.File(file, RegisterWorkbook.ContentType, $"risikoregister-{DateOnly.FromDateTime(export.GeneratedAt.UtcDateTime):yyyy-MM-dd}.xlsx");
    }

    private static async Task<IResult> ReportAsync(
        string id, string? round, HttpContext http, ApiCaller caller, ExportQueries exports, RecordExport record, CancellationToken cancellationToken)
    {
        if (round is { Length: > MaxRoundLength })
        {
            return Problems.BadRequest(DomainError.Of("api.report_round_invalid", ("max", MaxRoundLength)), caller.Language);
        }

        var outcome = await exports.SystemReportAsync(caller.Actor, id, round, cancellationToken);
        if (outcome is not Outcome<SystemReport>.Done done)
        {
            return outcome.ToHttp(caller);
        }

        var report = done.Value;
        var recorded = await RecordAsync(http, caller, record, new AuditSubject("assessment", report.AssessmentId), new JsonObject
        {
            ["format"] = "html",
            ["systemId"] = report.SystemId,
            ["roundId"] = report.RoundId,
            ["methodVersion"] = report.Method.Version,
            ["chainHeadSeq"] = report.ChainHead?.Seq,
            ["chainHeadHash"] = report.ChainHead?.Hash,
        }, cancellationToken);
        if (recorded is not null)
        {
            return recorded;
        }

        var html = await SystemReportHtml.RenderAsync(report, caller.Language, http.RequestServices);
        return TypedResults.Content(html, SystemReportHtml.ContentType, Encoding.UTF8);
    }

    /// <summary>Null when recorded; otherwise the answer to send instead of the file.</summary>
    private static async Task<IResult?> RecordAsync(
        HttpContext http, ApiCaller caller, RecordExport record, AuditSubject subject, JsonObject details, CancellationToken cancellationToken)
    {
        // A GET has no client key: each download is its own export, keyed by the request.
        var request = new Request(caller.Actor, $"api:{caller.Actor.ObjectId.ToLowerInvariant()}:export:{http.TraceIdentifier}:{Guid.NewGuid():N}", AuditChannel.Api, http.TraceIdentifier);
        var outcome = await record.HandleAsync(request, subject, details, cancellationToken);
        return outcome.IsDone ? null : outcome.ToHttp(caller);
    }
}
