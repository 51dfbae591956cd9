using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Reassessing;
using Norddjurs.TeamsRisk.Workflows.Register;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/systems</c>: the register as the caller may see it, and the coordinator's continuity-plan import
/// (risk-method.md §6): preview says what would change, apply changes it; a file with any bad row is a 400 listing
/// line, column and reason per problem, and imports nothing. <c>POST /{id}/reassess</c> with
/// <c>{ "trigger", "note" }</c>: the coordinator starts an ad-hoc assessment (risk-method.md §2.3), or notes the
/// trigger on the system's open one.
/// </summary>
internal static class SystemEndpoints
{
    public static RouteGroupBuilder MapSystems(this RouteGroupBuilder api)
    {
        var systems = api.MapGroup("/systems");
        systems.MapGet("/", ListAsync).WithName("ListSystems");
        systems.MapGet("/{id}", GetAsync).WithName("GetSystem");
        systems.MapPost("/import/preview", PreviewAsync).WithMetadata(BodyLimit.CsvImport).WithName("PreviewImport");
        systems.MapPost("/import/apply", ApplyAsync).WithMetadata(BodyLimit.CsvImport).WithName("ApplyImport");
        systems.MapPost("/{id}/reassess", ReassessAsync).WithName("ReassessSystem");
        return api;
    }

    private static async Task<IResult> ListAsync(ApiCaller caller, SystemQueries systems, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await systems.ListAsync(caller.Actor, page ?? 1, pageSize ?? 50, cancellationToken));

    private static async Task<IResult> GetAsync(string id, ApiCaller caller, SystemQueries systems, CancellationToken cancellationToken) =>
        await systems.FindAsync(caller.Actor, id, cancellationToken) is { } system ? TypedResults.Ok(system) : Problems.NotFound(caller.Language);

    private static async Task<IResult> ReassessAsync(string id, HttpContext http, ApiCaller caller, StartReassessment reassess, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReassessmentInput>(http, caller, cancellationToken);
        return body.Ok ? (await reassess.HandleAsync(caller.Change(), id, body.Value, cancellationToken)).ToHttp(caller) : body.Problem;
    }

    private static Task<IResult> PreviewAsync(HttpContext http, ApiCaller caller, ImportSystems import, CancellationToken cancellationToken) =>
        ImportAsync(http, caller, (file, name) => import.PreviewAsync(caller.Change(), file, name, cancellationToken), cancellationToken);

    private static Task<IResult> ApplyAsync(HttpContext http, ApiCaller caller, ImportSystems import, CancellationToken cancellationToken) =>
        ImportAsync(http, caller, (file, name) => import.ApplyAsync(caller.Change(), file, name, cancellationToken), cancellationToken);

    private static async Task<IResult> ImportAsync(
        HttpContext http, ApiCaller caller, Func<byte[], string, Task<Outcome<ImportOutcome>>> run, CancellationToken cancellationToken)
    {
        var upload = await CsvUpload.ReadAsync(http, caller, cancellationToken);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        var outcome = await run(upload.File!, upload.FileName!);
        return outcome.ToHttp(caller, result => result.Problems.Count > 0
            ? Problems.Of(StatusCodes.Status400BadRequest, "api.import_invalid", caller.Language, result.Problems.Select(p => p.Error),
                new Dictionary<string, object?> { ["problems"] = result.Problems.Select(p => ProblemRow.Of(p, caller)).ToList() })
            : TypedResults.Ok(new ImportResponse(result.Systems, result.Applied)));
    }

    internal sealed record ImportResponse(IReadOnlyList<SystemChange> Systems, int Applied);

    /// <summary>One bad cell or row: where it is (line as Excel numbers it, column by header name), what was there and why.</summary>
    internal sealed record ProblemRow(int Line, string? Column, string? Value, string Code, string Reason)
    {
        public static ProblemRow Of(ImportProblem problem, ApiCaller caller) =>
            new(problem.Line, problem.Column, problem.RawValue, problem.Error.Code, ApiTexts.Message(problem.Error, caller.Language));
    }
}
