using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>
/// Reads the register by indexed fields only (the SharePoint store filters on nothing else): every system, and the
/// assessments in the live states through the <c>state</c> index, read together. Superseded and cancelled assessments —
/// the history that grows every year — are never read here; a system's history reads them by its <c>systemId</c> index.
/// </summary>
internal static class RegisterReading
{
    internal static readonly AssessmentState[] CurrentStates = [AssessmentState.Approved, AssessmentState.Escalated, AssessmentState.Decided];

    internal static readonly AssessmentState[] OpenStates =
        [AssessmentState.Invited, AssessmentState.InProgress, AssessmentState.Returned, AssessmentState.Submitted];

    public static async Task<IReadOnlyList<RegisterEntry>> ReadAsync(UseCaseServices services, CancellationToken cancellationToken)
    {
        var systems = await services.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var bySystem = new Dictionary<string, List<AssessmentRecord>>(StringComparer.OrdinalIgnoreCase);
        var states = CurrentStates.Concat(OpenStates).Select(s => s.ToString()).ToList();
        foreach (var loaded in await services.Store.LoadAllManyAsync<AssessmentRecord>(DocumentKinds.Assessment, "state", states, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in loaded)
            {
                if (!bySystem.TryGetValue(record.Value.SystemId, out var list))
                {
                    bySystem[record.Value.SystemId] = list = [];
                }

                list.Add(record.Value);
            }
        }

        var cycle = services.Methods.ActiveMethod.Cycle;
        return [.. systems.Select(s => EntryOf(s.Value, bySystem.GetValueOrDefault(s.Value.SystemId) ?? [], services, cycle))];
    }

    private static RegisterEntry EntryOf(CriticalSystem system, List<AssessmentRecord> assessments, UseCaseServices services, Core.Method.Cycle cycle)
    {
        var current = Newest(assessments.Where(a => CurrentStates.Contains(a.State)));
        var open = Newest(assessments.Where(a => OpenStates.Contains(a.State)));
        var scored = current ?? (open is { State: AssessmentState.Submitted } ? open : null);
        var method = scored is null ? null : services.Methods.FindMethod(scored.Assessment.Method);
        var lastApproved = assessments.Select(a => a.Dates?.ApprovedOn).Where(d => d is not null).DefaultIfEmpty(null).Max();
        var facts = new SystemCycleFacts(system.SystemId, system.Status == SystemStatus.Active, DanishDays.Of(system.Metadata.CreatedAt), lastApproved, open is not null);
        return new RegisterEntry(system, current, open, method, ReassessmentCycle.DueOn(facts, cycle));
    }

    /// <summary>The latest by invitation day, then by id (ids carry the round, so a later round sorts later within a day).</summary>
    internal static AssessmentRecord? Newest(IEnumerable<AssessmentRecord> records) =>
        records.OrderByDescending(a => a.Dates?.InvitedOn ?? DateOnly.MinValue).ThenByDescending(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
}
