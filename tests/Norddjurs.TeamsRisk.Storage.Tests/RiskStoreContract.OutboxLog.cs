using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §5: the coordinator reads the outbox as a log, whatever each row's state, newest first.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task The_log_lists_the_newest_rows_first_in_every_state()
    {
        var log = Assert.IsAssignableFrom<IOutboxLog>(Store);
        await CommitOkAsync(Given.Change("k-1", outbox: [Given.Message("o-1", "conv-1", Given.Start)]));
        await CommitOkAsync(Given.Change("k-2", outbox: [Given.Message("o-2", "conv-2", Given.Start.AddMinutes(1))]));
        await CommitOkAsync(Given.Change("k-3", outbox: [Given.Message("o-3", "conv-3", Given.Start.AddMinutes(2))]));
        var now = Clock.GetUtcNow();
        var first = (await Store.ReadDueOutboxAsync(now, 10, Ct)).Single(r => r.Message.Id == "o-1");
        var claimed = await Store.TryClaimAsync("o-1", first.Version, "dispatcher-a", now.AddMinutes(1), Ct);
        await Store.MarkSentAsync("o-1", claimed!.Version, now, Ct);

        var all = await log.ReadRecentOutboxAsync(10, Ct);
        var latest = await log.ReadRecentOutboxAsync(2, Ct);

        Assert.Equal(["o-3", "o-2", "o-1"], all.Select(r => r.Message.Id));
        Assert.Equal(OutboxStatus.Sent, all[2].Status);
        Assert.Equal(["o-3", "o-2"], latest.Select(r => r.Message.Id));
    }
}
