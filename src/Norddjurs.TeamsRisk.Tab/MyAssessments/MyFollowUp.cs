using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries;

namespace Norddjurs.TeamsRisk.Tab.MyAssessments;

/// <summary>A planned measure of one of the owner's submitted assessments.</summary>
public sealed record MyMeasure(string SystemName, string EventName, string Description, DateOnly Deadline);

/// <summary>A line the owner proposed to accept, with the date the acceptance lapses (submission + the band's months, risk-method.md §3.4).</summary>
public sealed record MyAcceptance(string SystemName, string EventName, string BandLabel, DateOnly? Until);

public sealed record MyFollowUpItems(IReadOnlyList<MyMeasure> Measures, IReadOnlyList<MyAcceptance> Acceptances);

/// <summary>
/// The owner's measures and acceptances, read from their own submitted assessments (the same list the API's
/// <c>?mine=true</c> gives: only systems they own or deputise).
/// </summary>
public sealed class MyFollowUp(AssessmentQueries queries, UseCaseServices services)
{
    public async Task<MyFollowUpItems> ReadAsync(Workflows.Identity.Actor actor, Language language, CancellationToken cancellationToken)
    {
        var measures = new List<MyMeasure>();
        var acceptances = new List<MyAcceptance>();
        foreach (var listed in await queries.ListStoredAsync(actor, mine: true, cancellationToken).ConfigureAwait(false))
        {
            var record = listed.Stored.Value;
            if (record.State is not (AssessmentState.Submitted or AssessmentState.Approved or AssessmentState.Escalated or AssessmentState.Decided))
            {
                continue;
            }

            var method = services.Methods.FindMethod(record.Assessment.Method);
            var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
            var system = listed.Summary.SystemName ?? record.SystemId;
            foreach (var line in record.Assessment.Lines)
            {
                var eventName = (catalogue?.Find(line.EventId) ?? record.Assessment.CustomEvents.FirstOrDefault(e => e.Id == line.EventId))?.Name.In(language) ?? line.EventId;
                if (line.Treatment is not { } treatment)
                {
                    continue;
                }

                measures.AddRange(treatment.Measures.Select(m => new MyMeasure(system, eventName, m.Description, m.Deadline)));
                if (treatment.Kind == TreatmentKind.Accept)
                {
                    int? months = method is null ? null : method.RuleFor(line.Score.Band).AcceptanceMaxMonths;
                    var from = record.Dates?.ApprovedOn ?? record.Dates?.SubmittedOn;
                    acceptances.Add(new MyAcceptance(system, eventName, line.Score.Band.Label.In(language), from is { } f && months is { } m ? f.AddMonths(m) : null));
                }
            }
        }

        return new MyFollowUpItems([.. measures.OrderBy(m => m.Deadline)], [.. acceptances.OrderBy(a => a.Until ?? DateOnly.MaxValue)]);
    }
}
