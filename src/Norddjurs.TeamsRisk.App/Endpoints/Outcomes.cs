using System.Diagnostics;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// The one mapping from a use case's answer to HTTP (style-examples.md §5): Done 200 (a replay answers as the first
/// time), Rejected 400 with every error, NotFound 404 (also what the caller may not see), Forbidden 403, Conflict 409.
/// </summary>
internal static class Outcomes
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, ApiCaller caller, Func<T, IResult>? done = null) => outcome switch
    {
        Outcome<T>.Done ok => done is null ? TypedResults.Ok(ok.Value) : done(ok.Value),
        Outcome<T>.Rejected rejected => Problems.Rejected(rejected.Errors, caller.Language),
        Outcome<T>.NotFound => Problems.NotFound(caller.Language),
        Outcome<T>.Forbidden forbidden => Problems.Forbidden(forbidden.Error, caller.Language),
        Outcome<T>.Conflict => Problems.Conflict(caller.Language),
        _ => throw new UnreachableException($"Unknown outcome {outcome.GetType().Name}."),
    };
}
