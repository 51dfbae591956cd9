using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>
/// One assessment in a system's history. <see cref="MethodChanged"/> marks the first assessment scored with a method
/// whose id or major version differs from the one before: its points are not comparable (risk-method.md §3.8).
/// </summary>
public sealed record HistoryEntry(
    string AssessmentId,
    string? RoundId,
    string? Trigger,
    AssessmentState State,
    PinnedVersion Method,
    bool MethodChanged,
    Band? Band,
    IReadOnlyDictionary<string, int> CountByBand,
    int Lines,
    DateOnly? InvitedOn,
    DateOnly? SubmittedOn,
    DateOnly? ApprovedOn);

public sealed record SystemHistory(string SystemId, string Name, IReadOnlyList<HistoryEntry> Entries);

/// <summary>A system's assessments across rounds and method versions, oldest first, read by the <c>systemId</c> index.</summary>
public sealed class SystemHistoryQuery(UseCaseServices services, Visibility visibility)
{
    public async Task<Outcome<SystemHistory>> ReadAsync(Actor actor, string systemId, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, RegisterQuery.Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<SystemHistory>.From(RegisterQuery.Refused("register.history"));
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), cancellationToken).ConfigureAwait(false);
        if (system is null)
        {
            return new Outcome<SystemHistory>.NotFound();
        }

        var records = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", system.Value.SystemId, cancellationToken).ConfigureAwait(false);
        var ordered = records.Select(r => r.Value)
            .OrderBy(a => a.Dates?.InvitedOn ?? DateOnly.MinValue).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var entries = new List<HistoryEntry>();
        PinnedVersion? previous = null;
        foreach (var record in ordered)
        {
            var pinned = record.Assessment.Method;
            var method = services.Methods.FindMethod(pinned);
            var headline = method is null || record.Assessment.Lines.Count == 0 ? null : Headline.Of(record.Assessment.Lines, method);
            entries.Add(new HistoryEntry(
                record.Id, record.Assessment.RoundId, record.Assessment.Trigger, record.State, pinned,
                previous is not null && !Comparable(previous, pinned),
                headline?.Highest, headline?.CountByBand ?? new Dictionary<string, int>(), record.Assessment.Lines.Count,
                record.Dates?.InvitedOn, record.Dates?.SubmittedOn, record.Dates?.ApprovedOn));
            previous = pinned;
        }

        return new Outcome<SystemHistory>.Done(new SystemHistory(system.Value.SystemId, system.Value.Name, entries));
    }

    /// <summary>Same method id and major version: minor and patch changes leave the points comparable (§3.8).</summary>
    public static bool Comparable(PinnedVersion a, PinnedVersion b) =>
        string.Equals(a.Id, b.Id, StringComparison.Ordinal) && Major(a.Version) == Major(b.Version);

    private static string Major(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? version : version[..dot];
    }
}
