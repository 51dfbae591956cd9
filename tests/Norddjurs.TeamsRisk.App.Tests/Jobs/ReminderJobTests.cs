using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.App.Jobs.Reminders;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The follow-up job in the real host (Development, demo round seeded) on the shared fake clock.</summary>
public sealed class ReminderJobTests : IDisposable
{
    private readonly SharedDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_job_is_registered_runs_on_the_clock_and_writes_each_reminder_to_the_outbox_once()
    {
        using var factory = Host();
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is ReminderScheduler);
        var invited = Notifications(NotificationTemplates.Invited);
        Assert.NotEmpty(invited);

        // 23 days after the invitation the 7-day reminder of the 30-day window is due; the hourly timer fires on the fake clock.
        _database.Time.Advance(TimeSpan.FromDays(24));
        var reminders = await WaitForAsync(NotificationTemplates.OwnerReminder, invited.Count);
        Assert.Equal(
            invited.Select(n => n.Data["assessmentId"]).Order(StringComparer.Ordinal),
            reminders.Select(n => n.Data["assessmentId"]).Order(StringComparer.Ordinal));

        // More ticks the same day find every reminder sent.
        for (var tick = 0; tick < 3; tick++)
        {
            _database.Time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(100);
        }

        Assert.Equal(invited.Count, Notifications(NotificationTemplates.OwnerReminder).Count);
    }

    [Theory]
    [InlineData("Reminders:Interval", "00:00:10", "Reminders:Interval must be at least one minute")]
    [InlineData("Reminders:MaxNoticesPerRun", "0", "Reminders:MaxNoticesPerRun must be 1–10000")]
    [InlineData("Reminders:LookbackDays", "30", "Reminders:LookbackDays must be 0 or more and below Storage:AppliedChangeRetentionDays (30)")]
    public void The_app_refuses_to_start_with_reminder_settings_that_cannot_work(string key, string value, string message)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Sqlite:Path", _database.FilePath)
            .UseSetting(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);
        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    private WebApplicationFactory<Program> Host() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
        .UseSetting("Storage:Sqlite:Path", _database.FilePath)
        .UseSetting("Development:SeedDemoRound", "true")
        .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_database.Time)));

    private async Task<List<Notification>> WaitForAsync(string template, int count)
    {
        for (var poll = 0; poll < 200; poll++)
        {
            var found = Notifications(template);
            if (found.Count >= count)
            {
                return found;
            }

            // The job may still have been finishing its start-up run when the clock jumped, then waiting an hour from there.
            if (poll % 10 == 9)
            {
                _database.Time.Advance(TimeSpan.FromHours(1));
            }

            await Task.Delay(50);
        }

        return Notifications(template);
    }

    /// <summary>The outbox rows of one template, read from the file: delivered rows stay, with their status.</summary>
    private List<Notification> Notifications(string template)
    {
        using var connection = new SqliteConnection($"Data Source={_database.FilePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload_json FROM outbox ORDER BY position;";
        using var reader = command.ExecuteReader();
        var all = new List<Notification>();
        while (reader.Read())
        {
            all.Add(StoreJson.Deserialize<Notification>(reader.GetString(0)));
        }

        return [.. all.Where(n => n.Template == template)];
    }
}
