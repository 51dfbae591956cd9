using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Hosting;
using Norddjurs.TeamsRisk.App.Jobs;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The dispatcher and the sealer run in the real host, on a temp SQLite file, woken by a commit.</summary>
public sealed class JobsHostTests : IDisposable
{
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_hosted_jobs_seal_a_committed_intent_deliver_its_message_and_release_the_lease_at_shutdown()
    {
        var deliveries = new ConcurrentQueue<Delivery>();
        var recorder = new RecordingSender("host", TimeProvider.System, deliveries);
        var intent = AuditChains.Intent(1) with { EntryId = "host-test#a0" };
        var message = Commits.Invitation("oid-anne").ToOutbox("host-test", 0, TimeProvider.System.GetUtcNow());
        using (var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Sqlite:Path", _database.FilePath)
            .ConfigureTestServices(services => services.AddSingleton(new OutboxSenderRegistration(OutboxKinds.TeamsSend, recorder)))))
        {
            var store = factory.Services.GetRequiredService<IDocumentStore>();
            Assert.IsType<CommitSignallingStore>(store);
            var auditLog = factory.Services.GetRequiredService<IAuditLog>();
            Assert.IsType<CommitResult.Committed>(await store.CommitAsync(new StoreChange("host-test", [], [intent], [message], null), Commits.Ct));

            var sealedIntent = false;
            for (var poll = 0; poll < 200 && !(sealedIntent && deliveries.Any(d => d.MessageId == message.Id)); poll++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
                var head = await auditLog.GetChainHeadAsync(Commits.Ct);
                sealedIntent = head is not null && (await auditLog.ReadChainAsync(1, (int)head.Seq, Commits.Ct)).Any(e => e.Intent.EntryId == intent.EntryId);
            }

            Assert.True(sealedIntent, "the intent was not sealed");
            Assert.Equal(["host"], recorder.Sent(message.Id));
        }

        // Stopped: the sealer gave its lease up, so another instance may take it at once.
        var other = await _database.Open().TryAcquireLeaseAsync(AuditLeases.Sealer, "instance-b", TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(30), Commits.Ct);
        Assert.NotNull(other);
    }

    [Theory]
    [InlineData("Outbox:MaxSendsPerSecond", "50", "Outbox:MaxSendsPerSecond must be 1–20")]
    [InlineData("Outbox:MaxAttempts", "0", "Outbox:MaxAttempts must be at least 1")]
    [InlineData("Outbox:RetryMaxDelay", "00:00:01", "Outbox:RetryMaxDelay (00:00:01) must not be shorter")]
    [InlineData("Audit:LeaseDuration", "00:00:06", "Audit:LeaseDuration (00:00:06) must be at least twice Audit:PollInterval")]
    [InlineData("Audit:MaxIdleInterval", "00:00:20", "Audit:MaxIdleInterval (00:00:20) must be between Audit:PollInterval (00:00:05) and half of Audit:LeaseDuration (00:00:30)")]
    [InlineData("Audit:MaxIdleInterval", "00:00:01", "Audit:MaxIdleInterval (00:00:01) must be between")]
    [InlineData("Outbox:MaxIdleInterval", "00:10:00", "Outbox:MaxIdleInterval (00:10:00) must be between Outbox:PollInterval (00:00:05) and 00:05:00")]
    public void The_app_refuses_to_start_with_job_settings_that_cannot_work(string key, string value, string message)
    {
        // The host logs why it stopped; the exception itself may surface as ObjectDisposedException, because a failed start
        // disposes the host while WebApplicationFactory's deferred host still reads its services (a race in Mvc.Testing).
        var logs = new CapturedLogs();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Sqlite:Path", _database.FilePath)
            .UseSetting(key, value)
            .ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));

        var error = Record.Exception(() => factory.Services);

        Assert.NotNull(error);
        var reported = error is OptionsValidationException validation ? validation.Failures : logs.Entries;
        Assert.Contains(reported, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_jobs_need_the_store_registered_first() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddJobs());
}
