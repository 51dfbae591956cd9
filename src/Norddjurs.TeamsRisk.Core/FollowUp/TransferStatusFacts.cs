using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>A system's transfer tool and DPF certification as the register holds them (risk-method.md §6, §7).</summary>
public sealed record TransferStatus(TransferTool? Tool, bool? DpfCertified)
{
    public static TransferStatus Of(ThirdCountryDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(details.TransferTool, details.DpfCertified?.Certified);
    }

    /// <summary>Stable text for a notice key, e.g. <c>dpf-certified-false</c> or <c>scc2021</c>.</summary>
    public string Id => (Tool?.ToString().ToLowerInvariant() ?? "none") + (DpfCertified is { } certified ? "-certified-" + (certified ? "true" : "false") : string.Empty);
}

/// <summary>
/// A system's transfer status now and in the record version its latest assessment was made from, and the day the
/// record last changed. The app passes only systems that have been assessed.
/// </summary>
public sealed record TransferStatusFacts(string SystemId, TransferStatus Assessed, TransferStatus Current, DateOnly ChangedOn);

/// <summary>
/// <c>legalChange</c> (risk-method.md §2.3, §7): the legal basis of a transfer under the EU-US Data Privacy Framework
/// changed on the system record — the tool moved to or from DPF, or the importer's certification changed — since the
/// system was last assessed. Fires once per change of the record (the day and the new status name the period).
/// </summary>
public static class LegalStatusChange
{
    public static IEnumerable<DueNotice> Due(TransferStatusFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var dpfInvolved = facts.Assessed.Tool == TransferTool.Dpf || facts.Current.Tool == TransferTool.Dpf;
        if (!dpfInvolved || facts.Assessed == facts.Current || facts.ChangedOn > today)
        {
            return [];
        }

        return [new DueNotice(
            NoticeReason.LegalChange,
            new NoticeSubject(NoticeSubjectType.System, facts.SystemId),
            facts.SystemId,
            NoticeRecipient.ForRole(Role.System),
            facts.ChangedOn,
            facts.ChangedOn,
            facts.Current.Id)];
    }
}
