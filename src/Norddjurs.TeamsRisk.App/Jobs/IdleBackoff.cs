namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// The wait after a round: the poll interval after work, doubling after each idle round up to the maximum, so an idle
/// app leaves SharePoint's request budget to the users (graph-sharepoint.md §7) while a busy one polls at the short interval.
/// Not thread-safe: one per job loop.
/// </summary>
internal sealed class IdleBackoff
{
    private readonly TimeSpan _interval;
    private readonly TimeSpan _maxIdle;
    private TimeSpan _nextIdle;

    public IdleBackoff(TimeSpan interval, TimeSpan maxIdle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, interval);
        (_interval, _maxIdle, _nextIdle) = (interval, maxIdle, interval);
    }

    /// <summary>The wait after a round that found work (<paramref name="foundWork"/>) or nothing.</summary>
    public TimeSpan After(bool foundWork)
    {
        if (foundWork)
        {
            Reset();
            return _interval;
        }

        var wait = _nextIdle;
        _nextIdle = wait * 2 < _maxIdle ? wait * 2 : _maxIdle;
        return wait;
    }

    /// <summary>Back to the short interval: a commit in this process, work found, or a failed round (its outcome unknown).</summary>
    public void Reset() => _nextIdle = _interval;
}
