using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Xunit.Abstractions;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Faults;

/// <summary>
/// The same promises with real races, which the deterministic fault test cannot have: each submission races a rival
/// change on another instance that creates the same snapshot id (so one of them must lose, sometimes after its first write,
/// by a roll-back), retries of a refused submission reuse its key, and a third instance sweeps all the while. The
/// interleaving differs per run; what is asserted holds for every interleaving.
/// </summary>
public sealed class RacingSubmissionTests(ITestOutputHelper output)
{
    private const int Count = 100;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Racing_changes_retries_and_a_running_sweep_leave_each_submission_whole_or_absent_and_one_winner_per_snapshot()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(20) };
        var emulator = new Emulator(clock, new EmulatorOptions { Seed = 11 });
        var site = await TestSite.ProvisionAsync(emulator);
        var (owners, rivals, sweeper) = (await OpenAsync(site, clock), await OpenAsync(site, clock), await OpenAsync(site, clock));
        foreach (var chunk in Enumerable.Range(0, Count).Chunk(20))
        {
            Assert.IsType<CommitResult.Committed>(await owners.CommitAsync(new StoreChange($"prepare-{chunk[0]}", [.. chunk.Select(Submissions.InProgress)], [], [], null), Ct));
        }

        // The prepared items cleared before the faults start, so the races begin from confirmed documents.
        await owners.HousekeepingSettled();
        emulator.AddFault(new FaultRule { Status = 429, RetryAfter = "0", Probability = 0.15 });
        emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "0", Probability = 0.15, CommitThenFail = true });
        var submitted = new CommitResult?[Count];
        var rivalled = new CommitResult?[Count];
        using var stop = new CancellationTokenSource();
        // On a thread of its own: the in-process emulator may answer synchronously, and the loop must not hold this one.
        var sweeping = Task.Run(() => SweepUntilAsync(sweeper, stop.Token));
        await Task.WhenAll(
            Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (n, _) =>
                submitted[n] = await TryThriceAsync(async () => Submissions.Submit(n, (await owners.GetAsync(DocumentKinds.Assessment, Submissions.AssessmentId(n), Ct))! with { Version = 1 }, clock.GetUtcNow()), owners)),
            Parallel.ForEachAsync(Enumerable.Range(0, Count).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, _) =>
                rivalled[n] = await TryThriceAsync(() => Task.FromResult(Rival(n, clock.GetUtcNow())), rivals)));
        await stop.CancelAsync();
        await sweeping;
        emulator.ClearFaults();
        await owners.RecoverAsync(Ct);

        var contents = SiteContents.Read(site);
        Assert.Empty(contents.Unconfirmed());
        Assert.Empty(contents.MarkedDocuments());
        for (var n = 0; n < Count; n++)
        {
            var submission = contents.Where(ListSchema.AppliedChangesKey, ColumnNames.IdempotencyKey, Submissions.Key(n)).Count;
            var rival = contents.Where(ListSchema.AppliedChangesKey, ColumnNames.IdempotencyKey, RivalKey(n)).Count;
            Assert.True(submission + rival <= 1, $"{n}: both the submission and its rival applied");
            Assert.True(submitted[n] is not (CommitResult.Committed or CommitResult.Replayed) || submission == 1, $"{n}: submission acknowledged, not stored");
            Assert.True(rivalled[n] is not (CommitResult.Committed or CommitResult.Replayed) || rival == 1, $"{n}: rival acknowledged, not stored");
            var what = $"{n}: submission {submitted[n]?.GetType().Name ?? "refused"} applied {submission}, rival {rivalled[n]?.GetType().Name ?? "refused"} applied {rival}";
            Assert.True(1 + submission == SiteContents.DocVersion(Assert.Single(contents.Where(SiteContents.Assessments, ColumnNames.DocId, Submissions.AssessmentId(n)))), what + ": assessment");
            Assert.True(submission + rival == contents.Where(SiteContents.Snapshots, ColumnNames.DocId, Submissions.SnapshotId(n)).Count, what + ": snapshot");
            Assert.True(submission == contents.Where(ListSchema.OutboxKey, ColumnNames.OperationId, Submissions.MessageId(n)).Count, what + ": committee row");
            Assert.True(submission == contents.Where(ListSchema.AuditIntentsKey, ColumnNames.EntryId, Submissions.EntryId(n)).Count, what + ": audit intent");
            Assert.True(rival == contents.Where(ListSchema.OutboxKey, ColumnNames.OperationId, RivalKey(n)).Count, what + ": rival's row");
        }

        output.WriteLine("submissions: " + Tally(submitted) + "; rivals: " + Tally(rivalled));
    }

    private static string RivalKey(int n) => $"rival-{n:D3}";

    /// <summary>Another instance claims the submission's snapshot id first (and tells someone), so at most one of the two can win.</summary>
    private static StoreChange Rival(int n, DateTimeOffset now) =>
        new(RivalKey(n), [DocumentWrite.Create(DocumentKinds.Snapshot, Submissions.SnapshotId(n), """{"rival":true}""")], [],
            [new OutboxMessage(RivalKey(n), OutboxKinds.TeamsSend, "conv-" + RivalKey(n), "{}", now)], null);

    /// <summary>A user who is told "not saved" tries again with the same key, up to three times; null when every try was refused.</summary>
    private static async Task<CommitResult?> TryThriceAsync(Func<Task<StoreChange>> change, GraphRiskStore store)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await store.CommitAsync(await change(), Ct);
            }
            catch (GraphStoreException)
            {
            }
        }

        return null;
    }

    private static async Task SweepUntilAsync(GraphRiskStore store, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // The default orphan age: a younger unconfirmed row may belong to a change still on its way to its commit point.
                await store.RecoverAsync(Ct);
            }
            catch (GraphStoreException)
            {
                // The next sweep goes on.
            }
        }
    }

    private static Task<GraphRiskStore> OpenAsync(TestSite site, TimeProvider clock) =>
        GraphRiskStore.OpenAsync(TestSite.Client(site.Emulator), TestSite.Options, clock, Ct);

    private static string Tally(IEnumerable<CommitResult?> results) =>
        string.Join(", ", results.GroupBy(r => r?.GetType().Name ?? "refused").Select(g => $"{g.Count()} {g.Key}"));
}
