using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>A notice as the tests read it: the Danish day it went out, its template, recipient and data.</summary>
internal sealed record SentNotice(DateOnly On, string Template, NotificationTarget To, IReadOnlyDictionary<string, string> Data)
{
    public string? AssessmentId => Data.GetValueOrDefault("assessmentId");

    public string Key => Data["noticeKey"];
}

/// <summary>Runs the follow-up job day after day on the fake clock, as the scheduler would, and records what each day sent.</summary>
internal sealed class FollowUpDays(World world)
{
    private int _seen;

    public List<SentNotice> Sent { get; } = [];

    /// <summary>
    /// Moves the clock a day at a time up to <paramref name="until"/> (inclusive), running the job
    /// <paramref name="runsPerDay"/> times a day on each of the given instances (default: the world's own).
    /// </summary>
    public async Task RunUntilAsync(DateOnly until, int runsPerDay = 1, params UseCaseServices[] instances)
    {
        UseCaseServices[] runners = instances.Length == 0 ? [world.Services] : instances;
        while (world.Today <= until)
        {
            await RunTodayAsync(runsPerDay, runners);
            world.Time.Advance(TimeSpan.FromDays(1));
        }
    }

    public async Task RunTodayAsync(int runs, params UseCaseServices[] instances)
    {
        for (var i = 0; i < runs; i++)
        {
            await Task.WhenAll(instances.Select(s => new SendDueNotices(s).RunAsync(new DueNoticeLimits(), World.Ct)));
        }

        var outbox = world.Outbox();
        Sent.AddRange(outbox.Skip(_seen).Where(n => n.Template.StartsWith("followup.", StringComparison.Ordinal))
            .Select(n => new SentNotice(world.Today, n.Template, n.To, n.Data)));
        _seen = outbox.Count;
    }

    public List<SentNotice> About(string assessmentId, string template) =>
        [.. Sent.Where(n => n.AssessmentId == assessmentId && n.Template == template)];
}
