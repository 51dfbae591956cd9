using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Tab.Assessing;

/// <summary>A yes/no fact of the facts step; <see cref="Key"/> is the camel-case property (its text key and input id).</summary>
public sealed record FactToggle(string Key, Func<SystemFacts, bool> Get, Func<SystemFacts, bool, SystemFacts> Set);

/// <summary>A number fact of the facts step; a whole one (a count) takes no decimals.</summary>
public sealed record FactNumber(string Key, bool Whole, Func<SystemFacts, double?> Get, Func<SystemFacts, double?, SystemFacts> Set);

public static class FactToggles
{
    public static readonly FactToggle PersonalData = new("personalData", f => f.PersonalData, (f, v) => f with { PersonalData = v });
    public static readonly FactToggle LifeOrHealthCritical = new("lifeOrHealthCritical", f => f.LifeOrHealthCritical, (f, v) => f with { LifeOrHealthCritical = v });
    public static readonly FactToggle SupportsDecisionsOrPayments = new("supportsDecisionsOrPayments", f => f.SupportsDecisionsOrPayments, (f, v) => f with { SupportsDecisionsOrPayments = v });
    public static readonly FactToggle Payments = new("payments", f => f.Payments, (f, v) => f with { Payments = v });
    public static readonly FactToggle OnPremises = new("onPremises", f => f.OnPremises, (f, v) => f with { OnPremises = v });
    public static readonly FactToggle External = new("external", f => f.External, (f, v) => f with { External = v });
    public static readonly FactToggle Cloud = new("cloud", f => f.Cloud, (f, v) => f with { Cloud = v });
    public static readonly FactToggle InternetFacing = new("internetFacing", f => f.InternetFacing, (f, v) => f with { InternetFacing = v });
    public static readonly FactToggle SharedInfrastructure = new("sharedInfrastructure", f => f.SharedInfrastructure, (f, v) => f with { SharedInfrastructure = v });
    public static readonly FactToggle HasPeakPeriods = new("hasPeakPeriods", f => f.HasPeakPeriods, (f, v) => f with { HasPeakPeriods = v });
    public static readonly FactToggle IsProcessor = new("isProcessor", f => f.IsProcessor, (f, v) => f with { IsProcessor = v });
    public static readonly FactToggle HasDataProcessingAgreement = new("hasDataProcessingAgreement", f => f.HasDataProcessingAgreement, (f, v) => f with { HasDataProcessingAgreement = v });
    public static readonly FactToggle SensitiveDataTransferred = new("sensitiveDataTransferred", f => f.SensitiveDataTransferred, (f, v) => f with { SensitiveDataTransferred = v });
}

public static class FactNumbers
{
    public static readonly FactNumber DataSubjects = new("dataSubjectsApprox", Whole: true, f => f.DataSubjectsApprox, (f, v) => f with { DataSubjectsApprox = v is { } n ? (int)n : null });
    public static readonly FactNumber Mtd = new("mtdHours", Whole: false, f => f.MtdHours, (f, v) => f with { MtdHours = v });
    public static readonly FactNumber Rpo = new("rpoHours", Whole: false, f => f.RpoHours, (f, v) => f with { RpoHours = v });
}
