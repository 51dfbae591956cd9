namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>What the 12-month rule reads of one system in the register (risk-method.md §2.2).</summary>
/// <param name="Active">In use; planned and retired systems are not on the cycle (a planned one has <c>newProcurement</c>).</param>
/// <param name="RegisteredOn">The day it entered the register; the clock of a system never approved starts here.</param>
/// <param name="LastApprovedOn">The day the committee approved its latest assessment (also when that went on to Escalated or Decided).</param>
/// <param name="HasOpenAssessment">An assessment of it is not final yet (design.md §3: Invited, InProgress, Returned, Submitted, Escalated); then no new one can start.</param>
public sealed record SystemCycleFacts(string SystemId, bool Active, DateOnly RegisteredOn, DateOnly? LastApprovedOn, bool HasOpenAssessment);
