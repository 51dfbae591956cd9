using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>The guided assessment through the cards (design.md §8): one card that moves forward, saved at every step.</summary>
public sealed class AssessmentWalkTests
{
    [Fact]
    public async Task An_owner_completes_and_submits_a_whole_assessment_through_the_cards()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);

        await OwnerWalk.ToSummaryAsync(session, id);
        Assert.Equal(FlowStep.Summary, (await world.AssessmentAsync(id)).Flow.Step);
        await session.PressAsync(CardVerbs.Submit);

        Assert.Contains("Indsendt", session.Text, StringComparison.OrdinalIgnoreCase);
        var record = await world.AssessmentAsync(id);
        Assert.Equal(AssessmentState.Submitted, record.State);
        Assert.Equal(OwnerWalk.Keep.Length, record.Assessment.Lines.Count);
        Assert.NotNull(record.SnapshotId);
        var audit = await world.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct);
        Assert.Contains(audit, a => a.Action == Core.Audit.AuditAction.AssessmentSubmitted && a.Channel == Core.Audit.AuditChannel.Bot);
        Assert.Contains(audit, a => a.Action == Core.Audit.AuditAction.RiskScored);
        var due = await world.Store.ReadDueOutboxAsync(world.Time.GetUtcNow().AddDays(1), 100, BotWorld.Ct);
        Assert.Contains(due, row => row.Message.Kind == OutboxKinds.TeamsSend && row.Message.PayloadJson.Contains(NotificationTemplates.Submitted, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Next_on_an_unchanged_card_saves_the_same_answers_and_moves_on()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);

        await session.PressAsync(CardVerbs.Next);

        var record = await world.AssessmentAsync(id);
        Assert.Equal(FlowStep.Profile, record.Flow.Step);
        Assert.True(record.Assessment.FactsConfirmed);
    }

    [Fact]
    public async Task A_likelihood_out_of_range_comes_back_on_the_same_card_with_the_message_and_nothing_is_saved()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next, OwnerWalk.KeepOnly);
        var before = await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct);

        await session.PressAsync(CardVerbs.Next, inputs => inputs[CardInputIds.Likelihood] = "9");

        var after = await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Equal(FlowStep.Score(OwnerWalk.Power), (await world.AssessmentAsync(id)).Flow.Step);
        Assert.Contains(CardVerbs.Next, BotWorld.TextOf(session.Card), StringComparison.Ordinal);
        Assert.Equal("9", session.Inputs().GetValueOrDefault(CardInputIds.Likelihood, "9"));
    }

    [Fact]
    public async Task Text_that_is_not_a_number_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next, OwnerWalk.KeepOnly);
        var before = await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct);

        await session.PressAsync(CardVerbs.Next, inputs =>
        {
            OwnerWalk.Score(inputs);
            inputs[CardInputIds.ExpectedOutageHours] = "fire timer";
        });

        Assert.Equal(before!.Version, (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version);
        Assert.Equal(FlowStep.Score(OwnerWalk.Power), (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task An_old_card_acted_on_after_the_assessment_moved_on_answers_with_the_current_step()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        var oldFactsNext = session.DataFor(CardVerbs.Next);
        await session.PressAsync(CardVerbs.Next);
        var version = (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version;

        var card = await world.CardAsync(world.Invoke(CardVerbs.Next, oldFactsNext));

        Assert.Contains("Kortet var ikke længere aktuelt", BotWorld.TextOf(card), StringComparison.Ordinal);
        Assert.Equal(version, (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version);
        Assert.Equal(FlowStep.Profile, (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task A_retried_invoke_applies_once_and_answers_the_same()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        var next = world.Invoke(CardVerbs.Next, session.DataFor(CardVerbs.Next), id: "f:retried");

        var first = await world.CardAsync(next);
        var auditAfterFirst = (await world.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct)).Count;
        var version = (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version;
        var second = await world.CardAsync(next);

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(auditAfterFirst, (await world.Store.ReadPendingAuditIntentsAsync(10_000, BotWorld.Ct)).Count);
        Assert.Equal(version, (await world.Store.GetAsync(DocumentKinds.Assessment, id, BotWorld.Ct))!.Version);
    }

    [Fact]
    public async Task Back_then_next_returns_to_the_step_and_the_saved_answers_stay()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        await session.PressAsync(CardVerbs.Next);

        await session.PressAsync(CardVerbs.Back);
        Assert.Equal(FlowStep.Facts, (await world.AssessmentAsync(id)).Flow.Step);
        await session.PressAsync(CardVerbs.Next);

        Assert.Equal(FlowStep.Profile, (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task From_the_summary_the_owner_jumps_to_a_score_and_next_returns_to_the_summary()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await OwnerWalk.ToSummaryAsync(session, id);

        await session.PressAsync(CardVerbs.Jump, inputs => inputs[CardInputIds.JumpTarget] = new CardStep(CardStepKind.Score, OwnerWalk.Network).Token);
        Assert.Equal(FlowStep.Score(OwnerWalk.Network), (await world.AssessmentAsync(id)).Flow.Step);
        await session.PressAsync(CardVerbs.Next);

        Assert.Equal(FlowStep.Summary, (await world.AssessmentAsync(id)).Flow.Step);
    }

    [Fact]
    public async Task The_owner_can_stop_and_continue_later_from_the_list_at_the_same_step()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);
        await session.StartAsync();
        await session.PressAsync(CardVerbs.Open, assessmentId: id);
        await session.PressAsync(CardVerbs.Next);

        var later = new CardSession(world);
        await later.StartAsync();
        Assert.Contains("Fortsæt", later.Text, StringComparison.Ordinal);
        await later.PressAsync(CardVerbs.Open, assessmentId: id);

        Assert.Equal(session.Card.ToJsonString(), later.Card.ToJsonString());
    }

    [Fact]
    public async Task Every_card_of_the_walk_fits_the_28_KB_budget()
    {
        using var world = new BotWorld();
        var id = await world.InvitedAsync();
        var session = new CardSession(world);

        await OwnerWalk.ToSummaryAsync(session, id);

        Assert.True(Cards.Building.CardSize.Fits(session.Card));
    }
}
