namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>The closed sets of ids a method document may use; anything else is a validation problem.</summary>
public static class MethodVocabulary
{
    public const int SupportedSchemaVersion = 1;

    /// <summary>Reassessment triggers (risk-method.md §2.3).</summary>
    public static readonly IReadOnlyList<string> Triggers =
    [
        "incident", "nearMiss", "majorChange", "newSupplierOrSubprocessor", "thirdCountryChange", "legalChange",
        "threatLevelChange", "auditFinding", "continuityPlanChange", "acceptanceExpired", "measureCompleted", "newProcurement",
    ];

    /// <summary>Compliance gaps (risk-method.md §7).</summary>
    public static readonly IReadOnlyList<string> ComplianceGapKinds =
        ["thirdCountryTransferWithoutTool", "thirdCountryTransferUnknown", "missingDataProcessingAgreement"];

    /// <summary>Data classes ordered from least to most sensitive (risk-method.md §3.2).</summary>
    public static readonly IReadOnlyList<string> DataClasses = ["none", "ordinary", "cpr", "sensitive", "endangering"];

    public static readonly IReadOnlyList<string> DimensionAssessedAt = ["system", "event"];

    public static readonly IReadOnlyList<string> Statuses = ["draft", "active"];
}
