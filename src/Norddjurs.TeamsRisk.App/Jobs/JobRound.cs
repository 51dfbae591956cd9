namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// What a job's round tells its loop about the wait that follows (<see cref="PollingJob"/>).
/// </summary>
/// <param name="FoundWork">The round did something: poll again at the short interval, more may follow.</param>
/// <param name="WakeBy">A moment the job must run again by whatever the backoff says (a due retry, a lease renewal).</param>
/// <param name="PauseFor">Wait exactly this, deaf to commits (the send rate was reached).</param>
internal readonly record struct JobRound(bool FoundWork, DateTimeOffset? WakeBy = null, TimeSpan? PauseFor = null)
{
    public static JobRound Idle => new(false);

    public static JobRound Worked => new(true);
}
