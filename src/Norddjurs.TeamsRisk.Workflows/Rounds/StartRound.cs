using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Rounds;

/// <summary>A round as stored: its name, the owners' deadline, and who started it when.</summary>
public sealed record RoundRecord(string Id, string Name, DateOnly Deadline, IReadOnlyList<string> SystemIds, string StartedBy, DateTimeOffset StartedAt);

public sealed record RoundInput(string? Name, DateOnly? Deadline, IReadOnlyList<string>? SystemIds = null);

/// <summary>What a started round answers: the assessments created and the systems left out, with why.</summary>
public sealed record RoundStarted(string RoundId, IReadOnlyList<string> AssessmentIds, IReadOnlyList<SkippedSystem> Skipped);

public sealed record SkippedSystem(string SystemId, string Code);

/// <summary>
/// The coordinator starts a round (risk-method.md §2.1 step 2): for the named systems, or every active one, an
/// assessment is invited, pinned to the active method and catalogue, and each owner gets an invitation. Systems
/// that are not active, already have an open assessment or whose owner cannot be found are listed, not failed.
/// </summary>
public sealed class StartRound(UseCaseServices services)
{
    public async Task<Outcome<RoundStarted>> HandleAsync(Request request, RoundInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (await Replays.FindAsync<RoundStarted>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        var allowed = AssessmentTransitions.Check(null, AssessmentAction.Invite, roles);
        if (!allowed.IsSuccess)
        {
            return Outcome<RoundStarted>.From(allowed.Errors);
        }

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.RoundNameRequired));
        }

        if (input.Deadline is not { } deadline || deadline <= services.Today)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.RoundDeadlineNotFuture));
            deadline = default;
        }

        if (!services.Methods.HasActive)
        {
            errors.Add(DomainError.Of(WorkflowErrorCodes.NoActiveMethod));
        }

        var systems = await SystemsAsync(input.SystemIds, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new Outcome<RoundStarted>.Rejected(errors);
        }

        var roundId = StableIds.From("round", request.IdempotencyKey);
        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now);
        var invited = new List<string>();
        var skipped = new List<SkippedSystem>();
        var underway = await SystemsUnderwayAsync(cancellationToken).ConfigureAwait(false);
        foreach (var system in systems)
        {
            var why = await InviteAsync(change, roundId, system, roles, deadline, underway.Contains(system.Value.SystemId), cancellationToken).ConfigureAwait(false);
            if (why is null)
            {
                invited.Add($"{roundId}:{StableIds.SystemDocumentId(system.Value.SystemId)}");
            }
            else
            {
                skipped.Add(new SkippedSystem(system.Value.SystemId, why));
            }
        }

        var round = new RoundRecord(roundId, input.Name!.Trim(), deadline, [.. systems.Select(s => s.Value.SystemId)], request.Actor.ObjectId, services.Now);
        change.Create(DocumentKinds.Round, roundId, round, new Dictionary<string, string> { ["state"] = "open" })
            .Audit(AuditAction.RoundStarted, new AuditSubject("round", roundId), new AuditContext { RoundId = roundId },
                inputs: JsonNode.Parse(StoreJson.Serialize(input)), computed: new JsonObject { ["invited"] = invited.Count, ["skipped"] = skipped.Count });
        return await change.CommitAsync(services.Store, new RoundStarted(roundId, invited, skipped), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Read before the open assessments (<see cref="SystemsUnderwayAsync"/>): each invitation names the version read here (OwnerInvitation).</summary>
    private async Task<IReadOnlyList<Loaded<CriticalSystem>>> SystemsAsync(IReadOnlyList<string>? ids, List<DomainError> errors, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return await services.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, "state", SystemStatus.Active.ToString(), cancellationToken).ConfigureAwait(false);
        }

        // The whole register in one query, not a read per named system: on SharePoint each read is a Graph round trip.
        var register = (await services.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Document.Id, StringComparer.Ordinal);
        var systems = new List<Loaded<CriticalSystem>>();
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (register.GetValueOrDefault(StableIds.SystemDocumentId(id)) is { } system)
            {
                systems.Add(system);
            }
            else
            {
                errors.Add(DomainError.Of(WorkflowErrorCodes.RoundUnknownSystem, ("system", id)));
            }
        }

        return systems;
    }

    /// <summary>
    /// The systems with an assessment not yet final, read once per open state rather than once per system: on SharePoint a
    /// query is a Graph round trip, and a round over a few hundred systems would otherwise wait for as many.
    /// </summary>
    private async Task<HashSet<string>> SystemsUnderwayAsync(CancellationToken cancellationToken)
    {
        var underway = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in Enum.GetValues<AssessmentState>().Where(s => !AssessmentTransitions.IsFinal(s)))
        {
            var open = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "state", state.ToString(), cancellationToken).ConfigureAwait(false);
            underway.UnionWith(open.Select(a => a.Value.SystemId));
        }

        return underway;
    }

    /// <summary>Null when invited; otherwise the code of why not.</summary>
    private async Task<string?> InviteAsync(
        ChangeSet change, string roundId, Loaded<CriticalSystem> system, IReadOnlySet<Role> roles, DateOnly deadline, bool underway, CancellationToken cancellationToken)
    {
        var systemId = StableIds.SystemDocumentId(system.Value.SystemId);
        var state = AssessmentWorkflow.Invite(roles, system.Value.Status == SystemStatus.Active, underway);
        if (!state.IsSuccess)
        {
            return state.Errors[0].Code;
        }

        var record = await OwnerInvitation.AddAsync(services, change, $"{roundId}:{systemId}", system, deadline, roundId, trigger: null, previousAssessmentId: null, cancellationToken)
            .ConfigureAwait(false);
        return record is null ? WorkflowErrorCodes.OwnerUnknown : null;
    }
}
