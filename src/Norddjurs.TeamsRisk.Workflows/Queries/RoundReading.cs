using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>A round and all its assessments, as the round queries read them.</summary>
internal sealed record RoundWithAssessments(RoundRecord Round, IReadOnlyList<AssessmentRecord> Assessments);

/// <summary>What every view of a round shares: who may read it (coordinator, committee, auditor) and what is read.</summary>
internal static class RoundReading
{
    internal static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Coordinator, Role.Committee, Role.Auditor };

    internal static DomainError Refused(string action) =>
        DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", action), ("roles", "coordinator, committee, auditor"));

    /// <summary>The round and its assessments, or the refusal as the caller's outcome: 403 for other roles, 404 for an unknown round.</summary>
    public static async Task<(RoundWithAssessments? Read, Outcome<T>? Refusal)> ReadAsync<T>(
        UseCaseServices services, Visibility visibility, Actor actor, string roundId, string action, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return (null, Outcome<T>.From(Refused(action)));
        }

        var round = await services.Store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false);
        if (round is null)
        {
            return (null, new Outcome<T>.NotFound());
        }

        var assessments = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "roundId", roundId, cancellationToken).ConfigureAwait(false);
        return (new RoundWithAssessments(round.Value, [.. assessments.Select(a => a.Value)]), null);
    }
}
