namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>A column of the continuity-plan template: the §6 field name, its Danish headers, and whether a value is required.</summary>
internal sealed record ImportColumn(string Name, IReadOnlyList<string> DanishNames, bool Required = false);

/// <summary>
/// The template's columns in template order (README.md documents each). Nested §6 fields are flattened as
/// group name + part: <c>supplierName</c>, <c>dpaRef</c>, <c>lastSupervisionDate</c>, <c>dpfEntity</c>, <c>tiaDate</c>.
/// </summary>
internal static class ContinuityPlanColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        // identity
        new("systemId", ["System-id"], Required: true),
        new("name", ["Navn", "Systemnavn"], Required: true),
        new("shortDescription", ["Kort beskrivelse", "Beskrivelse"]),
        new("criticalProcess", ["Kritisk proces", "Kritisk opgave"]),
        new("kleNumbers", ["KLE-numre", "KLE"]),
        new("status", [], Required: true),
        new("criticality", ["Kritikalitet"]),

        // people
        new("systemOwner", ["Systemejer"], Required: true),
        new("deputyOwner", ["Stedfortræder"]),
        new("technicalOwner", ["Teknisk ansvarlig", "It-kontakt"]),
        new("department", ["Afdeling", "Forvaltning"], Required: true),
        new("areaManager", ["Områdechef"]),

        // supplier
        new("supplierName", ["Leverandør"]),
        new("supplierCvr", ["Leverandør CVR", "CVR"]),
        new("isProcessor", ["Databehandler"]),
        new("dpaRef", ["Databehandleraftale"]),
        new("dpaDate", ["Databehandleraftale dato"]),
        new("subProcessors", ["Underdatabehandlere"]),
        new("lastSupervisionDate", ["Seneste tilsyn"]),
        new("lastSupervisionType", ["Tilsynstype"]),

        // hosting
        new("hostingModel", ["Driftsform"]),
        new("locations", ["Placering", "Lokationer"]),
        new("internetFacing", ["Internetvendt"]),
        new("sharedInfrastructure", ["Fællesoffentlig infrastruktur", "Fælles infrastruktur"]),

        // data
        new("personalData", ["Personoplysninger"]),
        new("dataClasses", ["Dataklasser", "Typer af oplysninger"]),
        new("dataSubjectCategories", ["Kategorier af registrerede", "Registrerede"]),
        new("dataSubjectsApprox", ["Antal registrerede"]),
        new("supportsDecisionsOrPayments", ["Afgørelser eller betalinger"]),
        new("lifeOrHealthCritical", ["Kritisk for liv eller helbred"]),
        new("payments", ["Betalinger"]),

        // continuity
        new("mtdHours", ["MTD (timer)", "MTD"]),
        new("rtoHours", ["RTO (timer)", "RTO"]),
        new("rpoHours", ["RPO (timer)", "RPO"]),
        new("peakPeriods", ["Spidsbelastningsperioder", "Spidsperioder"]),
        new("manualFallback", ["Nødprocedure"]),
        new("manualFallbackMaxHours", ["Nødprocedure maks. (timer)"]),
        new("dependencies", ["Afhænger af"]),
        new("dependents", ["Afhængige systemer"]),

        // third country
        new("thirdCountryTransfer", ["Tredjelandsoverførsel"]),
        new("transferCountries", ["Tredjelande"]),
        new("importers", ["Dataimportører"]),
        new("remoteAccessFromThirdCountry", ["Fjernadgang fra tredjeland"]),
        new("transferTool", ["Overførselsgrundlag"]),
        new("dpfCertified", ["DPF-certificeret"]),
        new("dpfEntity", ["DPF-enhed"]),
        new("dpfDataTypes", ["DPF-datatyper"]),
        new("dpfCheckedAt", ["DPF kontrolleret"]),
        new("sccModule", ["SCC-modul"]),
        new("tiaRef", ["TIA"]),
        new("tiaDate", ["TIA dato"]),
        new("supplementaryMeasures", ["Supplerende foranstaltninger"]),
        new("usParentCompany", ["Amerikansk moderselskab"]),

        // plan and review
        new("continuityPlanRef", ["Plan for fortsat drift (link)", "Beredskabsplan (link)"]),
        new("continuityPlanVersion", ["Planversion"]),
        new("continuityPlanDate", ["Plandato"]),
        new("continuityPlanApprovedBy", ["Plan godkendt af"]),
        new("lastPlanTest", ["Seneste test af plan"]),
        new("nextPlanReview", ["Næste revision af plan"]),
        new("nis2Relevant", ["NIS2-relevant"]),
    ];

    /// <summary>§6 fields the product sets itself; a file that carries them is refused with a specific message.</summary>
    public static readonly IReadOnlyList<string> NotImported =
    [
        "procurementHold", "nextAssessmentDue", "recordVersion", "source", "createdAt", "createdBy",
        "updatedAt", "updatedBy", "lastApprovedAssessmentId", "confirmationStatus",
    ];

    public static ImportColumn? Find(string header)
    {
        var name = header.Trim();
        return All.FirstOrDefault(c =>
            string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) ||
            c.DanishNames.Any(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)));
    }

    public static bool IsNotImported(string header) =>
        NotImported.Contains(header.Trim(), StringComparer.OrdinalIgnoreCase);
}
