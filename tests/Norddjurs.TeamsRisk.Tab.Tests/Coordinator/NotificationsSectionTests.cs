using Bunit;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Tab.Coordinator;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Tab.Tests.Coordinator;

/// <summary>The notification log and the dead letters on the real store: a round's invitation the dispatcher gave up on, retried.</summary>
public sealed class NotificationsSectionTests : IAsyncLifetime, IDisposable
{
    private readonly TabWorld _world = new();
    private string _deadId = string.Empty;

    public async Task InitializeAsync()
    {
        await _world.SeedAsync(3);
        var started = await new StartRound(_world.Services).HandleAsync(TabWorld.As(TabWorld.Coordinator), new RoundInput("Forår 2026", new DateOnly(2026, 4, 30), ["SYS-0001"]), CancellationToken.None);
        Assert.IsType<Outcome<RoundStarted>.Done>(started);
        var now = _world.Time.GetUtcNow();
        var row = Assert.Single(await _world.Store.ReadDueOutboxAsync(now.AddDays(1), 10, CancellationToken.None));
        var claimed = await _world.Store.TryClaimAsync(row.Message.Id, row.Version, "dispatcher", now.AddMinutes(1), CancellationToken.None);
        Assert.True(await _world.Store.MarkDeadAsync(row.Message.Id, claimed!.Version, "403 bot blocked by user", now, CancellationToken.None));
        _deadId = row.Message.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_coordinator_sees_the_dead_letter_with_its_reason_and_retries_it()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<NotificationsSection>();
        view.WaitForAssertion(() => Assert.Single(view.FindAll(".tr-dead-letters tbody tr")));
        Assert.Contains("403 bot blocked by user", view.Find(".tr-dead-letters tbody tr").TextContent, StringComparison.Ordinal);
        Assert.Equal("Opgivet", view.FindAll(".tr-delivery-log tbody td")[3].TextContent);

        await view.InvokeAsync(() => view.Find(".tr-dead-letters fluent-button").Click());

        view.WaitForAssertion(() => Assert.Equal("Beskeden er lagt i kø igen.", view.Find("[role=status]").TextContent));
        Assert.Equal("Ingen døde beskeder.", view.Find(".tr-notifications h3 + p").TextContent);
        Assert.Equal(OutboxStatus.Pending, (await _world.Store.GetOutboxRowAsync(_deadId, CancellationToken.None))!.Status);
    }

    [Fact]
    public void The_log_reads_in_english()
    {
        _world.SignIn(TabWorld.Coordinator);
        var view = _world.Render<NotificationsSection>(p => p.Add(v => v.Language, Language.English));

        view.WaitForAssertion(() => Assert.Equal("Dead letters (1)", view.Find("h3").TextContent));
        Assert.Equal("Retry", view.Find(".tr-dead-letters fluent-button").TextContent.Trim());
        Assert.Equal("Given up", view.FindAll(".tr-delivery-log tbody td")[3].TextContent);
    }

    [Fact]
    public void An_owner_reads_neither_log_nor_dead_letters()
    {
        _world.SignIn(TabWorld.Owner);
        var view = _world.Render<NotificationsSection>();

        Assert.Equal("Kun risikokoordinatoren kan gøre dette.", view.Find("[role=alert]").TextContent);
        Assert.Empty(view.FindAll("table, fluent-button"));
    }
}
