using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Testing;

/// <summary>The default method and catalogue, and the systems risk-method.md uses as examples.</summary>
public static class Examples
{
    public static RiskMethod Method { get; } = DefaultMethod.Load().Value;

    public static EventCatalogue Catalogue { get; } = DefaultCatalogue.Load().Value;

    /// <summary>The home-care record system of risk-method.md §3.6: MTD 4 h, RPO 1 h, health data (art. 9) about ~2,000 citizens, medication.</summary>
    public static SystemFacts HomeCare => new()
    {
        SystemId = "omsorg",
        RecordVersion = 3,
        PersonalData = true,
        HighestDataClass = "sensitive",
        DataSubjectsApprox = 2000,
        LifeOrHealthCritical = true,
        SupportsDecisionsOrPayments = true,
        External = true,
        MtdHours = 4,
        RpoHours = 1,
    };
}
