using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Reviewing;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// <c>/api/assessments</c>: read one with its current step and the caller's actions, list the caller's, and every
/// transition of design.md §3 an owner, the committee or the coordinator takes. Someone with no role for the
/// assessment's system gets 404 for all of it.
/// </summary>
internal static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/assessments");
        assessments.MapGet("/", ListAsync).WithName("ListAssessments");
        assessments.MapGet("/{id}", GetAsync).WithName("GetAssessment");
        assessments.MapPost("/{id}/open", OpenAsync).WithName("OpenAssessment");
        assessments.MapPost("/{id}/steps", SaveStepAsync).WithName("SaveStep");
        assessments.MapPost("/{id}/submit", SubmitAsync).WithName("SubmitAssessment");
        assessments.MapPost("/{id}/return", ReturnAsync).WithName("ReturnAssessment");
        assessments.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveAssessment");
        assessments.MapPost("/{id}/cancel", CancelAsync).WithName("CancelAssessment");
        return api;
    }

    private static async Task<IResult> ListAsync(ApiCaller caller, AssessmentQueries queries, bool? mine, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(caller.Actor, mine ?? false, cancellationToken));

    private static async Task<IResult> GetAsync(string id, ApiCaller caller, AssessmentQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(caller.Actor, id, caller.Language, cancellationToken) is { } details
            ? TypedResults.Ok(AssessmentResponse.Of(details))
            : Problems.NotFound(caller.Language);

    private static async Task<IResult> OpenAsync(string id, ApiCaller caller, OpenAssessment open, CancellationToken cancellationToken) =>
        (await open.HandleAsync(caller.Change(), id, cancellationToken)).ToHttp(caller);

    private static async Task<IResult> SaveStepAsync(string id, HttpContext http, ApiCaller caller, SaveStep saveStep, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<JsonObject>(http, caller, cancellationToken);
        if (!body.Ok)
        {
            return body.Problem;
        }

        var (input, error) = StepInputJson.Read(body.Value, JsonBody.Options(http));
        return input is null
            ? Problems.BadRequest(error!, caller.Language)
            : (await saveStep.HandleAsync(caller.Change(), id, input, cancellationToken)).ToHttp(caller);
    }

    private static async Task<IResult> SubmitAsync(string id, ApiCaller caller, SubmitAssessment submit, CancellationToken cancellationToken) =>
        (await submit.HandleAsync(caller.Change(), id, cancellationToken)).ToHttp(caller);

    private static async Task<IResult> ReturnAsync(string id, HttpContext http, ApiCaller caller, ReturnAssessment returnIt, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CommentBody>(http, caller, cancellationToken);
        return body.Ok ? (await returnIt.HandleAsync(caller.Change(), id, body.Value.Comment, cancellationToken)).ToHttp(caller) : body.Problem;
    }

    private static async Task<IResult> ApproveAsync(string id, HttpContext http, ApiCaller caller, ApproveAssessment approve, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RecommendationsBody>(http, caller, cancellationToken);
        return body.Ok
            ? (await approve.HandleAsync(caller.Change(), id, body.Value.Recommendations ?? new Dictionary<string, string>(), cancellationToken)).ToHttp(caller)
            : body.Problem;
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext http, ApiCaller caller, CancelAssessment cancel, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ReasonBody>(http, caller, cancellationToken);
        return body.Ok ? (await cancel.HandleAsync(caller.Change(), id, body.Value.Reason, cancellationToken)).ToHttp(caller) : body.Problem;
    }

    internal sealed record CommentBody(string? Comment);

    internal sealed record RecommendationsBody(IReadOnlyDictionary<string, string>? Recommendations);

    /// <summary>The view as <c>object</c>, so each step's own fields are written, not only those of <see cref="StepView"/>.</summary>
    internal sealed record AssessmentResponse(
        string Id, string State, string SystemId, string SystemName, string? RoundId, DateOnly? Deadline, string? ReturnComment, string? CancelReason,
        IReadOnlyList<string> Roles, IReadOnlyList<string> AvailableActions, object View)
    {
        public static AssessmentResponse Of(AssessmentDetails d) =>
            new(d.Id, d.State.ToString(), d.SystemId, d.SystemName, d.RoundId, d.Deadline, d.ReturnComment, d.CancelReason, d.Roles, d.AvailableActions, d.View);
    }
}
