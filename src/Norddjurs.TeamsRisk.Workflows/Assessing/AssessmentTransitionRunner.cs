using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>
/// The frame every assessment action shares: answer a replay as the first time, load the assessment and the
/// actor's roles (unknown or invisible → not found), let the action decide and build its change, then commit.
/// </summary>
public static class AssessmentTransitionRunner
{
    public delegate Task<Outcome<T>> Action<T>(AssessmentInContext context, ChangeSet change, CancellationToken cancellationToken);

    public static async Task<Outcome<T>> RunAsync<T>(
        UseCaseServices services, Request request, string assessmentId, Action<T> action, CancellationToken cancellationToken)
    {
        if (await Replays.FindAsync<T>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var context = await AssessmentAccess.LoadAsync(services, request.Actor, assessmentId, cancellationToken).ConfigureAwait(false);
        if (context is null)
        {
            return new Outcome<T>.NotFound();
        }

        return await RunLoadedAsync(services, request, context, action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As above, on an assessment the caller has just loaded for the same actor (<see cref="AssessmentAccess.LoadAsync"/>),
    /// so a card action reads it once. The commit names the version it was read at, so a change made since is a conflict.
    /// </summary>
    public static async Task<Outcome<T>> RunAsync<T>(
        UseCaseServices services, Request request, AssessmentInContext context, Action<T> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await Replays.FindAsync<T>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        return await RunLoadedAsync(services, request, context, action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As above, for a caller that has answered replays itself (see <c>SaveStep.HandleReplayCheckedAsync</c>): no second look at the applied row.</summary>
    public static Task<Outcome<T>> RunReplayCheckedAsync<T>(
        UseCaseServices services, Request request, AssessmentInContext context, Action<T> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunLoadedAsync(services, request, context, action, cancellationToken);
    }

    private static async Task<Outcome<T>> RunLoadedAsync<T>(
        UseCaseServices services, Request request, AssessmentInContext context, Action<T> action, CancellationToken cancellationToken)
    {
        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, context.Roles, cancellationToken).ConfigureAwait(false);
        return await action(context, new ChangeSet(request, actor, services.Now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the record back with its new state and index, naming the version it was read at.</summary>
    public static ChangeSet Save(this ChangeSet change, Loaded<AssessmentRecord> loaded, AssessmentRecord updated) =>
        change.Write(DocumentWrite.Update(loaded.Document, StoreJson.Serialize(updated), updated.Index()));

    public static ChangeSet AuditAssessment(
        this ChangeSet change, AuditAction action, AssessmentRecord record,
        System.Text.Json.Nodes.JsonNode? decision = null, System.Text.Json.Nodes.JsonNode? computed = null, System.Text.Json.Nodes.JsonNode? inputs = null) =>
        change.Audit(action, AuditContexts.Subject(record.Assessment), AuditContexts.For(record.Assessment, record.SystemId), inputs: inputs, decision: decision, computed: computed);
}
