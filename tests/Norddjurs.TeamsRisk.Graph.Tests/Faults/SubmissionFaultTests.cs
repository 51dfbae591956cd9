using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Norddjurs.TeamsRisk.Core.Audit;
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
/// Issue 7's fault test: design.md §2 ("saved" promises) kept by the SharePoint store through throttling, a Graph outage
/// and an app restart. Deterministic: the emulator's seeded RNG picks the faulted requests and a fake clock, ticking a
/// little on every read, places the two-minute outage. Retry-After is "0" so the SDK's and the store's waits, which run on
/// real time, cost nothing.
/// </summary>
public sealed class SubmissionFaultTests(ITestOutputHelper output)
{
    private const int Count = 200;
    private const int OutageAt = 60;
    private const int RestartAt = 120;

    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(20) };

    private enum Answer
    {
        Acknowledged,
        Refused,
        Conflict,
    }

    [Fact]
    public async Task Two_hundred_submissions_through_throttling_an_outage_and_a_restart_are_each_stored_once_or_not_at_all()
    {
        var emulator = new Emulator(_clock, new EmulatorOptions { Seed = 7 });
        var site = await TestSite.ProvisionAsync(emulator);
        var (client, store) = await OpenInstanceAsync(site);
        foreach (var chunk in Enumerable.Range(0, Count).Chunk(20))
        {
            Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange($"prepare-{chunk[0]}", [.. chunk.Select(Submissions.InProgress)], [], [], null), Ct));
        }

        await store.HousekeepingSettled();

        // 20 % of all Graph requests, outer and inside $batch: 10 % throttled, 5 % busy, 5 % busy after the write was made
        // (each rule draws only for the requests the rules before it let through).
        emulator.AddFault(new FaultRule { Status = 429, RetryAfter = "0", Probability = 0.10 });
        emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "0", Probability = 0.05 / 0.90 });
        emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "0", Probability = 0.05 / 0.85, CommitThenFail = true });
        var before = emulator.RequestLog.Count;
        var jobs = new JobRounds(_clock);
        var answers = new Answer[Count];
        FaultRule? outage = null;
        FaultRule? crash = null;
        for (var n = 0; n < Count; n++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            if (n == OutageAt)
            {
                // Graph down for two minutes of the emulator's clock, starting inside this submission.
                var from = _clock.GetUtcNow().AddMilliseconds(300);
                outage = emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "0", From = from, Until = from.AddMinutes(2) });
            }

            if (n == RestartAt)
            {
                // The app dies inside this submission: its writes are made up to the commit point, and never finished by it.
                crash = emulator.AddFault(new FaultRule { Method = "POST", Scope = FaultScope.Inner, ListId = site.ListId(ListSchema.AppliedChangesKey), Status = 500, Times = 1 });
            }

            answers[n] = await SubmitAsync(store, n);
            if (n == RestartAt)
            {
                client.Dispose();
                (client, store) = await OpenInstanceAsync(site);
                await UntilItWorksAsync(() => store.RecoverAsync(Ct));
            }

            if (n % 10 == 9)
            {
                await jobs.SealAsync(store, Ct);
                await jobs.DispatchAsync(store, Ct);
            }
        }

        var requests = emulator.RequestLog.Count - before;
        var faults = emulator.RequestLog.Count(e => e.Fault is not null);
        emulator.ClearFaults();
        await store.RecoverAsync(Ct);
        Assert.True(await jobs.SealAsync(store, Ct));
        Assert.True(await jobs.DispatchAsync(store, Ct));
        client.Dispose();

        Assert.Equal(1, crash!.Fired);
        Assert.Equal(Answer.Refused, answers[RestartAt]);
        Assert.True(outage!.Fired > 0);
        Assert.DoesNotContain(Answer.Conflict, answers);

        var stored = AssertEachStoredOnceOrNotAtAll(SiteContents.Read(site), answers);
        var chain = await AssertTheChainVerifiesInCommitOrderAsync(site, answers, stored);
        var acknowledged = answers.Count(a => a == Answer.Acknowledged);

        output.WriteLine($"{requests} Graph requests under faults, {faults} faults injected ({emulator.RequestLog.Count(e => e.Fault?.Contains("commit-then-fail", StringComparison.Ordinal) == true)} after the write); outage fired {outage.Fired} times");
        output.WriteLine($"{acknowledged} acknowledged, {answers.Count(a => a == Answer.Refused)} refused ({stored.Count - acknowledged} of them finished by recovery, {Count - stored.Count} absent): {string.Join(' ', Enumerable.Range(0, Count).Where(n => answers[n] == Answer.Refused).Select(n => stored.Contains(n) ? $"{n}*" : $"{n}"))}");
        output.WriteLine($"{chain.Count} audit entries sealed; {jobs.Sent} outbox rows sent; {jobs.FailedRounds} job rounds stopped by a fault");
    }

    /// <summary>
    /// design.md §2: an acknowledged submission is stored; any submission is stored once (document moved once, one snapshot,
    /// one applied row, one outbox row, one sealed entry) or not at all; nothing is left unconfirmed and no dependent row
    /// exists without its stored submission. Returns the stored submissions.
    /// </summary>
    private static List<int> AssertEachStoredOnceOrNotAtAll(SiteContents contents, Answer[] answers)
    {
        Assert.Empty(contents.Unconfirmed());
        Assert.Empty(contents.MarkedDocuments());
        var stored = new List<int>();
        for (var n = 0; n < Count; n++)
        {
            var applied = contents.Where(ListSchema.AppliedChangesKey, ColumnNames.IdempotencyKey, Submissions.Key(n)).Count;
            Assert.True(applied <= 1, $"submission {n} applied {applied} times");
            Assert.True(answers[n] != Answer.Acknowledged || applied == 1, $"submission {n} was acknowledged but is not stored");
            Assert.Equal(1 + applied, SiteContents.DocVersion(Assert.Single(contents.Where(SiteContents.Assessments, ColumnNames.DocId, Submissions.AssessmentId(n)))));
            Assert.Equal(applied, contents.Where(SiteContents.Snapshots, ColumnNames.DocId, Submissions.SnapshotId(n)).Count);
            Assert.Equal(applied, contents.Where(ListSchema.OutboxKey, ColumnNames.OperationId, Submissions.MessageId(n)).Count);
            Assert.Equal(applied, contents.Where(ListSchema.AuditEntriesKey, ColumnNames.EntryId, Submissions.EntryId(n)).Count);
            if (applied == 1)
            {
                stored.Add(n);
            }
        }

        // No orphan children: nothing in the dependent lists beyond what the stored submissions wrote.
        Assert.Equal(stored.Count, contents.All(SiteContents.Snapshots).Count);
        Assert.Equal(stored.Count, contents.All(ListSchema.OutboxKey).Count);
        Assert.Equal(stored.Count, contents.All(ListSchema.AuditEntriesKey).Count);
        Assert.Empty(contents.All(ListSchema.AuditIntentsKey));
        return stored;
    }

    /// <summary>The chain read by a fresh instance verifies against its head, holds every stored submission, and the acknowledged ones in the order they were acknowledged.</summary>
    private async Task<IReadOnlyList<AuditEntry>> AssertTheChainVerifiesInCommitOrderAsync(TestSite site, Answer[] answers, List<int> stored)
    {
        var (client, store) = await OpenInstanceAsync(site);
        var head = await store.GetChainHeadAsync(Ct);
        var chain = await store.ReadChainAsync(1, 1000, Ct);
        client.Dispose();
        var verified = AuditChainVerifier.Verify(chain, head);
        Assert.True(verified.IsSuccess, string.Join("; ", verified.Errors));
        Assert.Equal(stored.Count, verified.Value.Count);
        var acknowledged = Enumerable.Range(0, Count).Where(n => answers[n] == Answer.Acknowledged).Select(Submissions.EntryId).ToList();
        Assert.Equal(acknowledged, chain.Select(e => e.Intent.EntryId).Where(acknowledged.Contains));
        return chain;
    }

    /// <summary>The owner reads the assessment and submits it, as SubmitAssessment does; a fault is "not saved, try again".</summary>
    private async Task<Answer> SubmitAsync(GraphRiskStore store, int n)
    {
        try
        {
            var seen = await store.GetAsync(DocumentKinds.Assessment, Submissions.AssessmentId(n), Ct)
                ?? throw new InvalidOperationException($"Assessment {n} is gone.");
            var result = await store.CommitAsync(Submissions.Submit(n, seen, _clock.GetUtcNow()), Ct);

            // The snapshot's clearing after the answer, awaited so the requests, and so the seeded faults, keep one order.
            await store.HousekeepingSettled();
            return result switch
            {
                CommitResult.Committed or CommitResult.Replayed => Answer.Acknowledged,
                _ => Answer.Conflict,
            };
        }
        catch (GraphStoreException)
        {
            return Answer.Refused;
        }
    }

    /// <summary>An app instance: its own Graph client and store on the site, opened as Program does (retried by the host when Graph fails).</summary>
    private async Task<(GraphServiceClient Client, GraphRiskStore Store)> OpenInstanceAsync(TestSite site)
    {
        GraphRiskStore? store = null;
        var client = TestSite.Client(site.Emulator);
        await UntilItWorksAsync(async () => store = await GraphRiskStore.OpenAsync(client, TestSite.Options, _clock, Ct));
        return (client, store!);
    }

    /// <summary>Like a job on its timer: a round a fault stopped runs again.</summary>
    private static async Task UntilItWorksAsync(Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (GraphStoreException) when (attempt < 20)
            {
            }
        }
    }
}
