using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>Keeping the references proactive messages need (teams-bot-protocol.md §5.2) without a write per message.</summary>
public sealed class ConversationReferenceStoreTests : IDisposable
{
    private readonly SenderWorld _world = new();

    private static CancellationToken Ct => SenderWorld.Ct;

    [Fact]
    public async Task A_new_conversation_is_written()
    {
        Assert.True(await _world.References.SaveAsync(SenderWorld.Personal(), Ct));
        Assert.Equal(SenderWorld.Personal(), await _world.StoredAsync("a:1Zk3personal"));
    }

    [Fact]
    public async Task Only_a_newer_time_within_a_day_is_not_written_again()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        var version = await _world.VersionAsync("a:1Zk3personal");

        Assert.False(await _world.References.SaveAsync(SenderWorld.Personal() with { LastActivityAt = SenderWorld.Now.AddHours(23) }, Ct));
        Assert.Equal(version, await _world.VersionAsync("a:1Zk3personal"));
        Assert.Equal(SenderWorld.Now, (await _world.StoredAsync("a:1Zk3personal"))!.LastActivityAt);
    }

    [Fact]
    public async Task A_reference_a_day_old_is_refreshed()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);

        Assert.True(await _world.References.SaveAsync(SenderWorld.Personal() with { LastActivityAt = SenderWorld.Now.AddDays(1) }, Ct));
        Assert.Equal(SenderWorld.Now.AddDays(1), (await _world.StoredAsync("a:1Zk3personal"))!.LastActivityAt);
    }

    [Fact]
    public async Task A_new_service_URL_is_written_at_once()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        var moved = SenderWorld.Personal() with { ServiceUrl = "https://smba.trafficmanager.net/amer/", LastActivityAt = SenderWorld.Now.AddMinutes(5) };

        Assert.True(await _world.References.SaveAsync(moved, Ct));
        Assert.Equal(moved, await _world.StoredAsync("a:1Zk3personal"));
    }

    [Fact]
    public async Task An_older_activity_handled_late_does_not_overwrite_a_newer_service_URL()
    {
        var newer = SenderWorld.Personal() with { ServiceUrl = "https://smba.trafficmanager.net/amer/", LastActivityAt = SenderWorld.Now.AddMinutes(5) };
        await _world.References.SaveAsync(newer, Ct);

        Assert.False(await _world.References.SaveAsync(SenderWorld.Personal(), Ct));
        Assert.Equal(newer, await _world.StoredAsync("a:1Zk3personal"));
    }

    [Fact]
    public async Task A_user_who_comes_back_after_blocking_is_active_again()
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), Ct);
        await _world.References.MarkAsync("a:1Zk3personal", ConversationReferenceStatus.Blocked, Ct);
        Assert.Null(await _world.References.FindPersonalAsync(SenderWorld.Alex, Ct));

        Assert.True(await _world.References.SaveAsync(SenderWorld.Personal() with { LastActivityAt = SenderWorld.Now.AddMinutes(1) }, Ct));
        Assert.NotNull(await _world.References.FindPersonalAsync(SenderWorld.Alex, Ct));
    }

    [Fact]
    public async Task A_person_is_found_by_object_id_whatever_its_case()
    {
        await _world.References.SaveAsync(SenderWorld.Personal("ABCDEF00-0000-0000-0000-0000000000AA"), Ct);

        var found = await _world.References.FindPersonalAsync("abcdef00-0000-0000-0000-0000000000aa", Ct);

        Assert.Equal("a:1Zk3personal", found?.ConversationId);
    }

    [Fact]
    public async Task Every_thread_of_a_channel_refreshes_one_reference_found_by_channel_id()
    {
        await _world.References.SaveAsync(SenderWorld.Committee(), Ct);
        var otherThread = SenderWorld.Committee() with { ConversationId = SenderWorld.CommitteeChannel + ";messageid=1776390259999", LastActivityAt = SenderWorld.Now.AddMinutes(3) };
        await _world.References.SaveAsync(otherThread, Ct);

        Assert.Equal(otherThread, await _world.References.FindChannelAsync(SenderWorld.CommitteeChannel, Ct));
        Assert.Null(await _world.References.FindPersonalAsync("00000000-0000-0000-0000-0000000000031", Ct));
    }

    public void Dispose() => _world.Dispose();
}
