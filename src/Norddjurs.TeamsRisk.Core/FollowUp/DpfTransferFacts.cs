namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// An active system whose third-country transfer tool is the EU-US Data Privacy Framework, and the day the
/// importer was last found on the DPF list (risk-method.md §7). The app passes only such systems; without a
/// stored check it passes the day the tool was recorded, so the first check is due a year later at the latest.
/// </summary>
public sealed record DpfTransferFacts(string SystemId, DateOnly LastCheckedOn);
