using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Testing.Register;

/// <summary>
/// A register of any size written straight to a store (no guided flow): <c>systems</c> systems in five departments,
/// each with one assessment of <c>linesPerSystem</c> scored lines — every tenth Submitted and waiting for the committee,
/// the rest Approved with a recommendation per above-appetite line. Scores cycle over the whole 4×4 matrix, and each
/// above-appetite line plans a measure to likelihood 1. For register, heatmap, export tests and the benchmark.
/// </summary>
public static class RegisterSeed
{
    public const string RoundId = "runde-2026";

    public static readonly IReadOnlyList<string> Departments =
        ["Social, Sundhed og Ældre", "Børn og Familie", "Økonomi og Personale", "Teknik og Miljø", "IT og Digitalisering"];

    public static async Task<IReadOnlyList<AssessmentRecord>> SeedAsync(
        IRiskStore store, RiskMethod method, EventCatalogue catalogue, int systems, int linesPerSystem, DateTimeOffset now, string ownerObjectId, string ownerUpn,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var today = DanishDays.Of(now);
        var records = new List<AssessmentRecord>();
        const int batch = 100;
        for (var start = 0; start < systems; start += batch)
        {
            var writes = new List<DocumentWrite>();
            for (var i = start; i < Math.Min(start + batch, systems); i++)
            {
                var system = System(i, PersonRef.FromUpn(ownerUpn), now);
                var record = Assessment(i, system, ownerObjectId, method, catalogue, linesPerSystem, today);
                records.Add(record);
                writes.Add(DocumentWrite.Create(DocumentKinds.System, StableIds.SystemDocumentId(system.SystemId), StoreJson.Serialize(system),
                    new Dictionary<string, string> { ["ownerObjectId"] = system.People.SystemOwner.ToString(), ["state"] = system.Status.ToString() }));
                writes.Add(DocumentWrite.Create(DocumentKinds.Assessment, record.Id, StoreJson.Serialize(record), record.Index()));
            }

            var result = await store.CommitAsync(new StoreChange($"seed-{start}-{Guid.NewGuid():N}", writes, [], [], null), cancellationToken).ConfigureAwait(false);
            if (result is not CommitResult.Committed)
            {
                throw new InvalidOperationException($"Seeding failed: {result}.");
            }
        }

        return records;
    }

    public static string SystemId(int i) => $"SYS-{i:D4}";

    private static CriticalSystem System(int i, PersonRef owner, DateTimeOffset now) => new()
    {
        SystemId = SystemId(i),
        Name = $"System {i:D4}",
        Status = SystemStatus.Active,
        People = new SystemPeople { SystemOwner = owner, Department = Departments[i % Departments.Count] },
        Data = new DataProfile { PersonalData = true, DataClasses = [new DataClass(DataClassKind.Ordinary)], DataSubjectsApprox = 500 },
        ThirdCountry = new ThirdCountryDetails { Transfer = i % 7 == 0 ? ThirdCountryTransfer.Yes : ThirdCountryTransfer.No, TransferTool = i % 7 == 0 ? TransferTool.Scc2021 : null },
        Metadata = new RegisterMetadata { Source = RecordSource.Manual, CreatedAt = now.AddYears(-1), CreatedBy = owner },
    };

    private static AssessmentRecord Assessment(int i, CriticalSystem system, string ownerObjectId, RiskMethod method, EventCatalogue catalogue, int linesPerSystem, DateOnly today)
    {
        var submittedOnly = i % 10 == 0;
        var lines = Enumerable.Range(0, linesPerSystem).Select(j => Line(i, j, method, catalogue, today)).ToList();
        var assessment = new Assessment
        {
            Id = $"{RoundId}:{system.SystemId}",
            State = submittedOnly ? AssessmentState.Submitted : AssessmentState.Approved,
            Method = new PinnedVersion(method.Id, method.Version, method.Sha256),
            Catalogue = new PinnedVersion(catalogue.Id, catalogue.Version, catalogue.Sha256),
            Facts = SystemFactsMapping.From(system),
            RoundId = RoundId,
            FactsConfirmed = true,
            EventsChosen = true,
            Lines = lines,
        };
        return new AssessmentRecord(
            new FlowState(assessment, FlowStep.Summary),
            system.SystemId,
            ownerObjectId,
            today.AddDays(30),
            Recommendations: submittedOnly ? null : lines.Where(l => !l.Score.WithinAppetite).ToDictionary(l => l.EventId, l => $"Udvalget anbefaler foranstaltningerne for {l.EventId}"),
            Dates: new AssessmentDates(today.AddDays(-40), null, today.AddDays(-20), submittedOnly ? null : today.AddDays(-10)),
            SystemName: system.Name,
            OwnerName: "Alex Wilber");
    }

    private static RiskLine Line(int i, int j, RiskMethod method, EventCatalogue catalogue, DateOnly today)
    {
        // Steps of 5 and 7 through the 16 cells reach every cell, so every band occurs.
        var cell = ((i * 5) + (j * 7)) % 16;
        var likelihood = Likelihood.Of(1 + (cell / 4));
        var consequence = ConsequenceLevel.Of(1 + (cell % 4));
        var score = method.Score(likelihood, consequence);
        var eventId = j < catalogue.Events.Count ? catalogue.Events[j].Id : $"CUSTOM-{j}";
        var treatment = score.WithinAppetite
            ? new Treatment(TreatmentKind.Accept, "Vi kan leve med risikoen", [], [], null)
            : new Treatment(TreatmentKind.Reduce, "Reduceres med foranstaltninger",
                [new PlannedMeasure($"m{j}", "Foranstaltning", "5eed0000-0000-4000-8000-000000000020", today.AddMonths(3), null, Likelihood.Of(1), consequence)],
                [], method.Score(Likelihood.Of(1), consequence));
        return new RiskLine(eventId, [], likelihood, null,
            new ConsequenceAssessment(new Dictionary<Dimension, ConsequenceLevel> { [Dimension.Confidentiality] = consequence }, consequence, Dimension.Confidentiality, null, false),
            score, treatment);
    }
}
