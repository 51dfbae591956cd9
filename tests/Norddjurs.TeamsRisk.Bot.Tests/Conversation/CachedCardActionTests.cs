using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// A step acted on this instance's cached copy (design.md §2 latency budget), with two app instances on one store: the
/// commit's version check catches a stale copy and a replayed key, and what was decided on the copy is decided again on
/// the store, so every answer is the one a fresh read would give.
/// </summary>
public sealed class CachedCardActionTests
{
    [Fact]
    public async Task A_step_on_the_cached_copy_reads_nothing_and_answers_the_next_step_from_what_it_committed()
    {
        var cache = (InstanceCachingStore?)null;
        using var world = new BotWorld(aroundStore: s => cache = new InstanceCachingStore(s));
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        var cachedBefore = cache!.CachedReads;

        await session.PressAsync(CardVerbs.Next);

        Assert.Equal(cachedBefore + 1, cache.CachedReads);
        Assert.Equal(FlowStep.Profile, (await world.AssessmentAsync(id)).Flow.Step);
        var stored = (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version;
        Assert.Equal(stored.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)session.DataFor(CardVerbs.Next)["stamp"]);
    }

    [Fact]
    public async Task A_retry_reaching_a_second_instance_whose_copy_is_from_before_the_first_application_answers_as_the_first()
    {
        using var first = new BotWorld(aroundStore: s => new InstanceCachingStore(s));
        var secondCache = (InstanceCachingStore?)null;
        using var second = new BotWorld(first.Store.Path, s => secondCache = new InstanceCachingStore(s));
        var (session, id) = await OpenOnBothAsync(first, second);
        var next = first.Invoke(CardVerbs.Next, session.DataFor(CardVerbs.Next), id: "f:retried");

        var answer = await first.CardAsync(next);
        var (version, audit) = await StateAsync(first, id);
        var retried = await second.CardAsync(next);

        Assert.Equal(1, secondCache!.CachedReads);
        Assert.Equal(answer.ToJsonString(), retried.ToJsonString());
        Assert.Equal((version, audit), await StateAsync(first, id));
        Assert.Equal(FlowStep.Profile, (await first.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task An_old_card_on_a_stale_copy_is_refused_by_the_version_and_answered_with_the_current_step()
    {
        using var first = new BotWorld(aroundStore: s => new InstanceCachingStore(s));
        using var second = new BotWorld(first.Store.Path, s => new InstanceCachingStore(s));
        var (session, id) = await OpenOnBothAsync(first, second);
        var oldFactsNext = session.DataFor(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next);
        var (version, audit) = await StateAsync(first, id);

        // The second instance still holds the Facts step at the old card's version: its commit is refused, the store read.
        var card = await second.CardAsync(second.Invoke(CardVerbs.Next, oldFactsNext, id: "b:old-card"));

        Assert.Contains("Kortet var ikke længere aktuelt", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Equal((version, audit), await StateAsync(first, id));
        Assert.Equal(FlowStep.Profile, (await first.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task The_current_card_acted_on_through_an_instance_with_a_stale_copy_is_saved_after_a_fresh_read()
    {
        using var first = new BotWorld(aroundStore: s => new InstanceCachingStore(s));
        using var second = new BotWorld(first.Store.Path, s => new InstanceCachingStore(s));
        var (session, id) = await OpenOnBothAsync(first, second);
        await session.PressAsync(CardVerbs.Next);

        var card = await second.CardAsync(second.Invoke(CardVerbs.Next, session.DataFor(CardVerbs.Next), id: "b:profile-next"));

        Assert.Equal(FlowStep.Events, (await first.AssessmentAsync(id)).Flow.Step);
        Assert.DoesNotContain("Kortet var ikke længere aktuelt", BotWorld.TextOf(card), StringComparison.Ordinal);
    }

    /// <summary>The round started through the first instance, the owner's assessment opened there and seen through the second.</summary>
    private static async Task<(CardSession Session, string Id)> OpenOnBothAsync(BotWorld first, BotWorld second)
    {
        var id = await first.InvitedAsync();
        var session = new CardSession(first);
        await session.StartAsync();
        var open = session.DataFor(CardVerbs.Open, assessmentId: id);
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        await second.CardAsync(second.Invoke(CardVerbs.Open, open, id: "b:open"));
        return (session, id);
    }

    private static async Task<(long Version, int Audit)> StateAsync(BotWorld world, string id) =>
        ((await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version,
         (await world.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct)).Count);
}
