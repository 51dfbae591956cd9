using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Testing.Stores;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// The <c>start</c> list card in SharePoint mode (issue 7 item 8): an owner's systems' assessments are read together, in one
/// round trip after the systems, and the card is the one reading them one system after another gave.
/// </summary>
public sealed class SharePointListCardTests
{
    [Fact]
    public async Task The_list_card_of_an_owner_of_many_systems_reads_their_assessments_in_one_round_trip_and_shows_the_same()
    {
        using var sharePoint = await SharePointInstances.StartAsync(1);
        var world = sharePoint.Worlds[0];
        await world.InvitedToManyAsync(12);
        using var oneByOne = new BotWorld(aroundStore: _ => new OneQueryAtATime(sharePoint.Stores[0]));

        // A first activity of each instance records the conversation; the second is the list alone.
        _ = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, id: "f:first"));
        _ = await oneByOne.CardAsync(oneByOne.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, id: "b:first"));
        await sharePoint.Stores[0].HousekeepingSettled();

        var mark = sharePoint.RoundTrips;
        var together = await world.CardAsync(world.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, id: "f:start"));
        var batched = sharePoint.RequestsSince(mark);
        mark = sharePoint.RoundTrips;
        var alone = await oneByOne.CardAsync(oneByOne.Invoke(CardVerbs.Start, new JsonObject { ["verb"] = CardVerbs.Start }, id: "b:start"));
        await sharePoint.Stores[0].HousekeepingSettled();
        var sequential = sharePoint.RequestsSince(mark);

        Assert.Equal(alone.ToJsonString(), together.ToJsonString());
        Assert.Contains("Viser 1–8 af 12", BotWorld.TextOf(together), StringComparison.Ordinal);

        // design.md §2: the systems, then every owned system's assessments in one $batch; one by one it was a GET per system.
        Assert.Equal(["GET", "POST /v1.0/$batch"], batched.Select(r => r.StartsWith("GET", StringComparison.Ordinal) ? "GET" : r));
        Assert.Equal(1 + 12, sequential.Count);
    }

    /// <summary>The store as a wrapper that does not forward <see cref="IDocumentStore.QueryManyAsync"/> sees it: the port's default.</summary>
    private sealed class OneQueryAtATime(IRiskStore inner) : ForwardingRiskStore(inner)
    {
        public override Task<IReadOnlyList<IReadOnlyList<StoredDocument>>> QueryManyAsync(
            IReadOnlyList<FilteredQuery> queries, int pageSize, CancellationToken cancellationToken) =>
            ((IDocumentStore)new DefaultsOnly(this)).QueryManyAsync(queries, pageSize, cancellationToken);
    }

    /// <summary>Only the port's required members, so its default methods run over them.</summary>
    private sealed class DefaultsOnly(IDocumentStore inner) : IDocumentStore
    {
        public Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken) => inner.CommitAsync(change, cancellationToken);

        public Task<AppliedChange?> FindAppliedChangeAsync(string idempotencyKey, CancellationToken cancellationToken) => inner.FindAppliedChangeAsync(idempotencyKey, cancellationToken);

        public Task<int> PruneAppliedChangesAsync(DateTimeOffset appliedBefore, int max, CancellationToken cancellationToken) =>
            inner.PruneAppliedChangesAsync(appliedBefore, max, cancellationToken);

        public Task<StoredDocument?> GetAsync(string kind, string id, CancellationToken cancellationToken) => inner.GetAsync(kind, id, cancellationToken);

        public Task<DocumentPage> QueryAsync(string kind, DocumentQuery query, CancellationToken cancellationToken) => inner.QueryAsync(kind, query, cancellationToken);
    }
}
