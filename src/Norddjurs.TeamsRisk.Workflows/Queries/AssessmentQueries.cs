using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>An assessment in a list.</summary>
public sealed record AssessmentSummary(string Id, AssessmentState State, string SystemId, string? SystemName, string? RoundId, DateOnly? Deadline, FlowStepKind Step);

/// <summary>An assessment in a list, with the record it was read from.</summary>
public sealed record ListedAssessment(AssessmentSummary Summary, Loaded<AssessmentRecord> Stored);

/// <summary>
/// One assessment as its reader sees it: where it stands, the current step's view in the reader's language
/// (design.md §8, §9), and the actions the reader's roles allow now (Core's transition table).
/// </summary>
public sealed record AssessmentDetails(
    string Id,
    AssessmentState State,
    string SystemId,
    string SystemName,
    string? RoundId,
    DateOnly? Deadline,
    string? ReturnComment,
    string? CancelReason,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> AvailableActions,
    StepView View);

/// <summary>Reads of assessments with the same visibility as the use cases: no role for the system, no assessment (IDOR).</summary>
public sealed class AssessmentQueries(UseCaseServices services, Visibility visibility)
{
    /// <summary>Null when there is no such assessment or the actor has no role for its system.</summary>
    public async Task<AssessmentDetails?> FindAsync(Actor actor, string assessmentId, Language language, CancellationToken cancellationToken)
    {
        var context = await AssessmentAccess.LoadAsync(services, actor, assessmentId, cancellationToken).ConfigureAwait(false);
        if (context is null)
        {
            return null;
        }

        var record = context.Record.Value;
        var method = services.Methods.FindMethod(record.Assessment.Method);
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
        if (method is null || catalogue is null)
        {
            throw new InvalidOperationException($"Assessment {record.Id} pins a method or catalogue this app does not know.");
        }

        var view = new GuidedFlow(method, catalogue, NoNewIds.Instance).View(record.Flow, services.Today, language);
        return new AssessmentDetails(
            record.Id, record.State, record.SystemId, context.System.Name, record.Assessment.RoundId, record.Deadline, record.ReturnComment, record.CancelReason,
            [.. context.Roles.Select(r => r.Id()).Order(StringComparer.Ordinal)],
            [.. AssessmentTransitions.AvailableActions(record.State, context.Roles).Select(a => a.Id())],
            view);
    }

    /// <summary>
    /// <paramref name="mine"/>: the assessments of the systems the actor owns or deputises. Otherwise everything the
    /// actor may read: all for the global readers, their own for everyone else.
    /// </summary>
    public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(Actor actor, bool mine, CancellationToken cancellationToken) =>
        [.. (await ListStoredAsync(actor, mine, cancellationToken).ConfigureAwait(false)).Select(a => a.Summary)];

    /// <summary>As <see cref="ListAsync"/>, each with the record as stored, for lists that show more (progress, the card's stamp) without reading it again.</summary>
    public async Task<IReadOnlyList<ListedAssessment>> ListStoredAsync(Actor actor, bool mine, CancellationToken cancellationToken)
    {
        var systems = await services.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var names = systems.ToDictionary(s => s.Value.SystemId, s => s.Value.Name, StringComparer.OrdinalIgnoreCase);
        IEnumerable<Loaded<AssessmentRecord>> records;
        if (!mine && await visibility.SeesAllAsync(actor, cancellationToken).ConfigureAwait(false))
        {
            records = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var owned = new List<string>();
            foreach (var system in systems)
            {
                if (await visibility.OwnsAsync(actor, system.Value, cancellationToken).ConfigureAwait(false))
                {
                    owned.Add(system.Value.SystemId);
                }
            }

            // Read together, not one system after another: on SharePoint the list is then two round trips whatever the
            // owner's number of systems (design.md §2, latency budget).
            records = (await services.Store.LoadAllManyAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", owned, cancellationToken).ConfigureAwait(false))
                .SelectMany(r => r);
        }

        return [.. records
            .OrderBy(r => r.Value.Id, StringComparer.Ordinal)
            .Select(r => new ListedAssessment(Summary(r.Value, names.GetValueOrDefault(r.Value.SystemId)), r))];
    }

    private static AssessmentSummary Summary(AssessmentRecord r, string? systemName) =>
        new(r.Id, r.State, r.SystemId, systemName, r.Assessment.RoundId, r.Deadline, r.Flow.Step.Kind);

    /// <summary>A view creates nothing, so it never asks for an id.</summary>
    private sealed class NoNewIds : IIdSource
    {
        public static NoNewIds Instance { get; } = new();

        public string NewId() => throw new InvalidOperationException("A view creates nothing.");
    }
}
