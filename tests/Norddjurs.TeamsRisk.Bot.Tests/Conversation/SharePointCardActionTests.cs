using System.Globalization;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// Opening and submitting in SharePoint mode on the Graph emulator (design.md §2 latency budget, issue 7 item 8): the
/// round trips each takes, a retry reaching a second instance answers as the first, and a copy gone stale on an instance
/// is refused by the If-Match and answered from the store.
/// </summary>
public sealed class SharePointCardActionTests
{
    /// <summary>One <c>$batch</c> (applied row, assessment, system), the PATCH with If-Match, the <c>$batch</c> that completes it.</summary>
    private const int OpenRoundTrips = 3;

    /// <summary>After the list on the same instance: the PATCH with the listed copy's eTag, the <c>$batch</c>.</summary>
    private const int CachedOpenRoundTrips = 2;

    /// <summary>
    /// From the cached copy: the PATCH with If-Match and the chain answer the owner; the clearing of the created snapshot
    /// follows the answer (counted here once settled; Graph.Tests' CommitPathTests hold it back to count the two alone).
    /// </summary>
    private const int SubmitRoundTrips = 3;

    [Fact]
    public async Task Opening_from_the_list_on_an_instance_that_never_saw_the_assessment_is_one_read_and_the_commit_and_shows_what_was_committed()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var other = sharePoint.Worlds[1];

        // The owner has used the bot through the second instance before (its conversation and language are known there).
        await new CardSession(other).StartAsync();
        var id = await sharePoint.Worlds[0].InvitedAsync();
        await SettledAsync(sharePoint);
        var session = new CardSession(sharePoint.Worlds[0]);
        await session.StartAsync();
        await SettledAsync(sharePoint);
        var mark = sharePoint.RoundTrips;

        // The list was drawn by the first instance; the click reaches the second.
        var card = await other.CardAsync(other.Invoke(CardVerbs.Open, session.DataFor(CardVerbs.Open, assessmentId: id), id: "b:open"));

        await SettledAsync(sharePoint);
        var requests = sharePoint.RequestsSince(mark);
        Assert.True(requests.Count <= OpenRoundTrips, string.Join(" → ", requests));
        var stored = await GetAsync(sharePoint.Stores[0], id);
        Assert.Equal(AssessmentState.InProgress, StoreJson.Deserialize<AssessmentRecord>(stored.Json).State);
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), (string?)CardSession.Actions(card, CardVerbs.Next).Single()["stamp"]);
    }

    [Fact]
    public async Task Opening_from_the_list_on_the_instance_that_drew_it_acts_on_the_copies_the_list_read_in_two_round_trips()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var id = await sharePoint.Worlds[0].InvitedAsync();

        // The invitation's marks are cleared after its answer; a list read before that sees it pending and keeps no copy.
        await SettledAsync(sharePoint);
        var session = new CardSession(sharePoint.Worlds[1]);
        await session.StartAsync();
        await SettledAsync(sharePoint);
        var mark = sharePoint.RoundTrips;

        await session.PressAsync(CardVerbs.Open, assessmentId: id);

        await SettledAsync(sharePoint);
        var requests = sharePoint.RequestsSince(mark);
        Assert.True(requests.Count <= CachedOpenRoundTrips, string.Join(" → ", requests));
        var stored = await GetAsync(sharePoint.Stores[0], id);
        Assert.Equal(AssessmentState.InProgress, StoreJson.Deserialize<AssessmentRecord>(stored.Json).State);
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), (string?)session.DataFor(CardVerbs.Next)["stamp"]);
    }

    [Fact]
    public async Task Submitting_the_summary_after_the_walk_reads_no_snapshots_or_measures_and_answers_after_two_round_trips()
    {
        using var sharePoint = await SharePointInstances.StartAsync(1);
        var world = sharePoint.Worlds[0];
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await OwnerWalk.ToSummaryAsync(session, id, reduce: true);
        await SettledAsync(sharePoint);
        var mark = sharePoint.RoundTrips;

        await session.PressAsync(CardVerbs.Submit);

        await SettledAsync(sharePoint);
        var requests = sharePoint.RequestsSince(mark);
        Assert.True(requests.Count <= SubmitRoundTrips, string.Join(" → ", requests));
        var record = StoreJson.Deserialize<AssessmentRecord>((await GetAsync(sharePoint.Stores[0], id)).Json);
        Assert.Equal((AssessmentState.Submitted, id + "@1"), (record.State, record.SnapshotId));
        Assert.NotNull(await sharePoint.Stores[0].GetAsync(DocumentKinds.Snapshot, id + "@1", BotWorld.Ct));
        Assert.NotEmpty(await sharePoint.Stores[0].LoadAllAsync<Core.Workflow.TrackedMeasure>(DocumentKinds.Measure, "assessmentId", id, BotWorld.Ct));
        Assert.Contains("indsendt", session.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_open_retried_on_a_second_instance_whose_copy_is_from_before_answers_as_the_first_and_changes_nothing()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var (first, second) = (sharePoint.Worlds[0], sharePoint.Worlds[1]);
        var id = await first.InvitedAsync();
        var session = new CardSession(first);
        await session.StartAsync();
        await SeeAsync(sharePoint.Stores[1], id);
        var open = first.Invoke(CardVerbs.Open, session.DataFor(CardVerbs.Open, assessmentId: id), id: "f:open");

        var answer = await first.CardAsync(open);
        var before = await StateAsync(sharePoint.Stores[0], id);
        var retried = await second.CardAsync(open);

        Assert.Equal(answer.ToJsonString(), retried.ToJsonString());
        Assert.Equal(before, await StateAsync(sharePoint.Stores[0], id));
    }

    [Fact]
    public async Task A_submit_retried_on_a_second_instance_whose_copy_is_the_summary_before_answers_as_the_first_and_changes_nothing()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var (first, second) = (sharePoint.Worlds[0], sharePoint.Worlds[1]);
        var id = await first.InvitedAsync();
        var session = new CardSession(first);
        await OwnerWalk.ToSummaryAsync(session, id);
        await SeeAsync(sharePoint.Stores[1], id);
        var submit = first.Invoke(CardVerbs.Submit, session.DataFor(CardVerbs.Submit), id: "f:submit");

        var answer = await first.CardAsync(submit);
        var before = await StateAsync(sharePoint.Stores[0], id);
        var retried = await second.CardAsync(submit);

        Assert.Equal(answer.ToJsonString(), retried.ToJsonString());
        Assert.Equal(before, await StateAsync(sharePoint.Stores[0], id));
        Assert.Null(await sharePoint.Stores[0].GetAsync(DocumentKinds.Snapshot, id + "@2", BotWorld.Ct));
    }

    [Fact]
    public async Task An_old_list_card_opened_through_an_instance_whose_copy_is_stale_is_refused_by_the_if_match_and_shows_the_current_step()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var (first, second) = (sharePoint.Worlds[0], sharePoint.Worlds[1]);
        var id = await first.InvitedAsync();
        var session = new CardSession(first);
        await session.StartAsync();
        var openAgain = session.DataFor(CardVerbs.Open, assessmentId: id);
        await SeeAsync(sharePoint.Stores[1], id);
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        var before = await StateAsync(sharePoint.Stores[0], id);

        // The second instance still holds the invited copy: opening it there would be a second "opened"; the PATCH is refused.
        var card = await second.CardAsync(second.Invoke(CardVerbs.Open, openAgain, id: "b:open-again"));

        Assert.Equal(before, await StateAsync(sharePoint.Stores[0], id));
        Assert.Equal(before.Version.ToString(CultureInfo.InvariantCulture), (string?)CardSession.Actions(card, CardVerbs.Next).Single()["stamp"]);
    }

    [Fact]
    public async Task A_submit_through_an_instance_whose_copy_is_stale_is_refused_by_the_version_and_answered_with_the_stale_notice()
    {
        using var sharePoint = await SharePointInstances.StartAsync(2);
        var (first, second) = (sharePoint.Worlds[0], sharePoint.Worlds[1]);
        var id = await first.InvitedAsync();
        var session = new CardSession(first);
        await OwnerWalk.ToSummaryAsync(session, id);
        var oldSubmit = session.DataFor(CardVerbs.Submit);
        await SeeAsync(sharePoint.Stores[1], id);

        // The owner jumps back to the facts on the first instance; the old summary's submit reaches the second.
        await session.PressAsync(CardVerbs.Jump, inputs => inputs[CardInputIds.JumpTarget] = new CardStep(CardStepKind.Facts, null).Token);
        var before = await StateAsync(sharePoint.Stores[0], id);
        var card = await second.CardAsync(second.Invoke(CardVerbs.Submit, oldSubmit, id: "b:old-submit"));

        Assert.Equal(before, await StateAsync(sharePoint.Stores[0], id));
        Assert.Equal(AssessmentState.InProgress, StoreJson.Deserialize<AssessmentRecord>((await GetAsync(sharePoint.Stores[0], id)).Json).State);
        Assert.Contains("Kortet var ikke længere aktuelt", BotWorld.TextOf(card), StringComparison.Ordinal);
    }

    /// <summary>Every instance's clearing after its commits done, so a count holds only the action's own requests.</summary>
    private static Task SettledAsync(SharePointInstances sharePoint) => Task.WhenAll(sharePoint.Stores.Select(s => s.HousekeepingSettled()));

    /// <summary>The instance reads the assessment and its system, as a card action there would, so its cache holds them now.</summary>
    private static async Task SeeAsync(GraphRiskStore store, string id)
    {
        var assessment = await GetAsync(store, id);
        var system = StableIds.SystemDocumentId(StoreJson.Deserialize<AssessmentRecord>(assessment.Json).SystemId);
        _ = await store.ReadManyAsync([new DocumentKey(DocumentKinds.Assessment, id), new DocumentKey(DocumentKinds.System, system)], null, cachedIfPossible: false, BotWorld.Ct);
    }

    private static async Task<StoredDocument> GetAsync(GraphRiskStore store, string id) =>
        (await store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!;

    private static async Task<(long Version, int Audit)> StateAsync(GraphRiskStore store, string id) =>
        ((await GetAsync(store, id)).Version, (await store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct)).Count);
}
