using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// The flags an assessment raises for the committee and the register: GDPR (DPIA, prior consultation, risk-method.md
/// §3.4), third-country transfer, compliance gaps and the procurement hold (§7), and lowered overrides (§3.5 rule 2).
/// </summary>
public sealed record AssessmentFlags(
    bool ConsiderDpia,
    bool PriorConsultationMayBeRequired,
    bool ThirdCountryTransfer,
    IReadOnlyList<string> ComplianceGaps,
    bool ProcurementHold,
    bool CommitteeReviewMandatory,
    IReadOnlyList<string> LoweredOverrides);

public static class Flags
{
    public const string ThirdCountryEventId = "SUP-THIRDCOUNTRY";
    public const string ProcessorEventId = "SUP-PROCESSOR";

    public static AssessmentFlags For(Assessment assessment, RiskMethod method)
    {
        var facts = assessment.Facts;
        var personalLines = assessment.Lines
            .Where(l => facts.PersonalData && l.Consequence.Components.Keys.Any(method.Gdpr.PersonalDataDimensions.Contains))
            .ToList();
        var gaps = ComplianceGaps(facts, method);
        return new AssessmentFlags(
            ConsiderDpia: personalLines.Any(l => method.IsAtOrAbove(l.Score.Band, method.Gdpr.DpiaFlagFromBand)),
            PriorConsultationMayBeRequired: personalLines.Any(l => method.IsAtOrAbove(l.Residual.Band, method.Gdpr.PriorConsultationFlagIfResidualFromBand)),
            ThirdCountryTransfer: facts.ThirdCountryTransfer != ThirdCountryTransfer.No,
            ComplianceGaps: gaps,
            ProcurementHold: ProcurementHold(facts),
            CommitteeReviewMandatory: facts.SensitiveDataTransferred && facts.ThirdCountryTransfer != ThirdCountryTransfer.No,
            LoweredOverrides: [.. assessment.Lines.Where(l => l.Consequence.FlaggedToCommittee).Select(l => l.EventId)]);
    }

    /// <summary>"Kræver afklaring før indkøb": a planned system with an uncleared transfer flag (§7); only the committee lifts it.</summary>
    public static bool ProcurementHold(SystemFacts facts) =>
        facts.Planned && facts.ThirdCountryTransfer != ThirdCountryTransfer.No && !facts.ThirdCountryClearedByCommittee;

    /// <summary>The compliance gaps of §7 that the method names. They cannot be accepted, only reduced or avoided.</summary>
    public static IReadOnlyList<string> ComplianceGaps(SystemFacts facts, RiskMethod method)
    {
        var gaps = new List<string>();
        if (facts.PersonalData && facts.ThirdCountryTransfer == ThirdCountryTransfer.Yes && facts.TransferTool is null or "none")
        {
            gaps.Add("thirdCountryTransferWithoutTool");
        }

        if (facts.PersonalData && (facts.ThirdCountryTransfer == ThirdCountryTransfer.Unknown ||
            (facts.ThirdCountryTransfer == ThirdCountryTransfer.Yes && facts.TransferTool == "unknown")))
        {
            gaps.Add("thirdCountryTransferUnknown");
        }

        if (facts.PersonalData && facts.IsProcessor && !facts.HasDataProcessingAgreement)
        {
            gaps.Add("missingDataProcessingAgreement");
        }

        return method.ComplianceGaps.Acceptable ? [] : [.. gaps.Where(method.ComplianceGaps.Kinds.Contains)];
    }

    /// <summary>The event whose line carries a gap: the transfer event for transfer gaps, the processor event for a missing DPA.</summary>
    public static string? ComplianceGapOn(Assessment assessment, RiskMethod method, string eventId)
    {
        var gaps = ComplianceGaps(assessment.Facts, method);
        return eventId switch
        {
            ThirdCountryEventId => gaps.FirstOrDefault(g => g.StartsWith("thirdCountry", StringComparison.Ordinal)),
            ProcessorEventId => gaps.FirstOrDefault(g => g == "missingDataProcessingAgreement"),
            _ => null,
        };
    }

    /// <summary>Events that must stay selected because a compliance gap lives on them.</summary>
    public static IReadOnlyList<string> RequiredByGaps(SystemFacts facts, RiskMethod method)
    {
        var gaps = ComplianceGaps(facts, method);
        var required = new List<string>();
        if (gaps.Any(g => g.StartsWith("thirdCountry", StringComparison.Ordinal)))
        {
            required.Add(ThirdCountryEventId);
        }

        if (gaps.Contains("missingDataProcessingAgreement"))
        {
            required.Add(ProcessorEventId);
        }

        return required;
    }
}
