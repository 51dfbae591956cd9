using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using static Norddjurs.TeamsRisk.Graph.Tests.Delta.CommitteeListWorld;

namespace Norddjurs.TeamsRisk.Graph.Tests.Delta;

/// <summary>
/// Committee edits in the SharePoint list flow back (issue 7 item 2): the real delta sync, store, use cases and Graph SDK
/// against the emulator, with people editing the list item as SharePoint's form would.
/// </summary>
public sealed class CommitteeEditSyncTests
{
    [Fact]
    public async Task The_apps_own_writes_are_never_taken_for_edits_and_a_round_without_changes_does_nothing()
    {
        var world = await SubmittedAsync();

        var report = await world.Sync.RunOnceAsync(Ct);
        var again = await world.Sync.RunOnceAsync(Ct);

        Assert.Equal((0, 0, 0), (report.Applied, report.Refused, report.Skipped));
        Assert.Equal((0, 0, 0, 0), (again.Applied, again.Refused, again.Skipped, again.Ignored));
        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
        Assert.Empty(await world.AuditAsync(AuditAction.ListEditRefused));
    }

    [Fact]
    public async Task A_committee_member_approving_in_the_list_with_a_recommendation_takes_the_transition_with_its_audit_entry_and_card_update()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject
        {
            [ColumnNames.CommitteeDecision] = CommitteeDecisions.Approved,
            [ColumnNames.CommitteeComment] = "Udvalget anbefaler de foreslåede tiltag.",
        });

        var report = await world.Sync.RunOnceAsync(Ct);

        Assert.Equal(1, report.Applied);
        var record = await world.RecordAsync();
        // Above-appetite lines escalate in the same change as the approval (design.md §3).
        Assert.Equal(AssessmentState.Escalated, record.State);
        Assert.Equal(Committee, record.Review?.ByObjectId);
        Assert.All(record.Recommendations!.Values, r => Assert.Equal("Udvalget anbefaler de foreslåede tiltag.", r));
        var approved = Assert.Single(await world.AuditAsync(AuditAction.AssessmentApproved));
        Assert.Equal((Committee, "karen.holm@norddjurs.example"), (approved.Actor.ObjectId, approved.Actor.Upn));
        Assert.NotEmpty(await world.AuditAsync(AuditAction.RecommendationAdded));
        Assert.Contains(await world.OutboxAsync(), m => m.Kind == OutboxKinds.TeamsUpdate
            && m.Notification.Template == NotificationTemplates.CommitteeCard && m.Notification.Data["assessmentId"] == world.AssessmentId);
        Assert.Equal(CommitteeDecisions.Escalated, world.Field(ColumnNames.CommitteeDecision));
        Assert.Equal(0, (await world.Sync.RunOnceAsync(Ct)).Applied + (await world.Sync.RunOnceAsync(Ct)).Refused);
    }

    [Fact]
    public async Task A_committee_member_returning_in_the_list_with_a_comment_returns_it_to_the_owner()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject
        {
            [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned,
            [ColumnNames.CommitteeComment] = "Uddyb vurderingen af ransomware.",
        });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Applied);

        var record = await world.RecordAsync();
        Assert.Equal((AssessmentState.Returned, "Uddyb vurderingen af ransomware."), (record.State, record.ReturnComment));
        Assert.Single(await world.AuditAsync(AuditAction.AssessmentReturned));
        Assert.Contains(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.Returned);
        Assert.Equal((CommitteeDecisions.Returned, "Uddyb vurderingen af ransomware."), (world.Field(ColumnNames.CommitteeDecision), world.Field(ColumnNames.CommitteeComment)));
    }

    [Fact]
    public async Task A_decision_set_by_someone_outside_the_committee_is_put_back_and_the_editor_is_told_why()
    {
        var world = await SubmittedAsync();
        world.EditAs(Stranger, "Ukendt", new JsonObject
        {
            [ColumnNames.CommitteeDecision] = CommitteeDecisions.Approved,
            [ColumnNames.CommitteeComment] = "Ser fint ud",
        });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
        Assert.Null(world.Field(ColumnNames.CommitteeDecision));
        Assert.Null(world.Field(ColumnNames.CommitteeComment));
        var refused = Assert.Single(await world.AuditAsync(AuditAction.ListEditRefused));
        Assert.Equal(Stranger, refused.Actor.ObjectId);
        Assert.Equal(CommitteeDecisions.Approved, refused.After![ColumnNames.CommitteeDecision]!.GetValue<string>());
        Assert.Equal(ListEditErrorCodes.NotCommittee, refused.Decision!["reasons"]![0]!.GetValue<string>());
        var told = Assert.Single(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.ListEditRefused);
        Assert.Equal("user:" + Stranger, told.OrderingKey);
        Assert.StartsWith("Kun udvalgets medlemmer", told.Notification.Data["reason"], StringComparison.Ordinal);
        Assert.Contains("Only members of the committee", told.Notification.Data["reason"], StringComparison.Ordinal);
        Assert.Empty(await world.AuditAsync(AuditAction.AssessmentApproved));
        Assert.Equal(0, (await world.Sync.RunOnceAsync(Ct)).Refused);
    }

    [Theory]
    [InlineData("SystemName", "Et andet system")]
    [InlineData("Title", "Min note")]
    public async Task A_column_the_app_writes_changed_by_a_committee_member_is_put_back(string column, string value)
    {
        var world = await SubmittedAsync();
        var before = world.Field(column);
        world.EditAs(Committee, "Karen Holm", new JsonObject { [column] = value });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal(before, world.Field(column));
        var refused = Assert.Single(await world.AuditAsync(AuditAction.ListEditRefused));
        Assert.Equal(ListEditErrorCodes.ColumnNotEditable, refused.Decision!["reasons"]![0]!.GetValue<string>());
        var told = Assert.Single(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.ListEditRefused);
        Assert.Equal("user:" + Committee, told.OrderingKey);
        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
    }

    [Fact]
    public async Task An_approval_without_the_recommendation_the_method_asks_for_is_refused_with_the_use_cases_reason()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Approved });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
        Assert.Null(world.Field(ColumnNames.CommitteeDecision));
        var told = Assert.Single(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.ListEditRefused);
        Assert.Contains("indstilling", told.Notification.Data["reason.da"], StringComparison.Ordinal);
        Assert.Contains("recommendation", told.Notification.Data["reason.en"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommitteeDecisions.Escalated, "Se bemærkning", ListEditErrorCodes.DecisionNotSettable)]
    [InlineData(null, "En kommentar uden beslutning", ListEditErrorCodes.DecisionRequired)]
    public async Task A_decision_the_committee_cannot_take_in_the_list_is_put_back_with_its_reason(string? decision, string comment, string reason)
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = decision, [ColumnNames.CommitteeComment] = comment });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal((null, null), (world.Field(ColumnNames.CommitteeDecision), world.Field(ColumnNames.CommitteeComment)));
        Assert.Equal(reason, Assert.Single(await world.AuditAsync(AuditAction.ListEditRefused)).Decision!["reasons"]![0]!.GetValue<string>());
        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
    }

    [Fact]
    public async Task A_decision_already_taken_cannot_be_changed_in_the_list()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned, [ColumnNames.CommitteeComment] = "Uddyb" });
        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Applied);
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Approved, [ColumnNames.CommitteeComment] = "Alligevel godkendt" });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal((CommitteeDecisions.Returned, "Uddyb"), (world.Field(ColumnNames.CommitteeDecision), world.Field(ColumnNames.CommitteeComment)));
        Assert.Equal(AssessmentState.Returned, (await world.RecordAsync()).State);
        Assert.Equal("workflow.transition_forbidden", Assert.Single(await world.AuditAsync(AuditAction.ListEditRefused)).Decision!["reasons"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_column_changed_in_the_list_is_put_back_from_the_apps_last_version_in_the_history()
    {
        var world = await SubmittedAsync();
        var body = world.Field(ColumnNames.Body);
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.Body] = "{}", ["State"] = "Approved" });

        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);

        Assert.Equal((body, "Submitted"), (world.Field(ColumnNames.Body), world.Field("State")));
        Assert.Equal(AssessmentState.Submitted, (await world.RecordAsync()).State);
    }

    [Fact]
    public async Task A_refusal_interrupted_before_the_list_was_put_back_is_finished_by_the_next_round_and_applies_once()
    {
        var world = await SubmittedAsync();
        world.EditAs(Stranger, "Ukendt", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned, [ColumnNames.CommitteeComment] = "Nej" });
        world.Emulator.AddFault(new FaultRule { Method = "PATCH", ListId = world.AssessmentList, PathPattern = "/fields$", Scope = FaultScope.Outer, Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() => world.Sync.RunOnceAsync(Ct));
        Assert.Equal(CommitteeDecisions.Returned, world.Field(ColumnNames.CommitteeDecision));

        // The cursor did not move: the same page is read again, and the same edit (same item eTag) is the same key.
        Assert.Equal(1, (await world.Sync.RunOnceAsync(Ct)).Refused);
        Assert.Null(world.Field(ColumnNames.CommitteeDecision));
        Assert.Single(await world.AuditAsync(AuditAction.ListEditRefused));
        Assert.Single(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.ListEditRefused);
    }

    [Fact]
    public async Task A_page_replayed_after_its_decision_was_applied_applies_nothing_twice()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned, [ColumnNames.CommitteeComment] = "Uddyb" });
        world.Emulator.AddFault(new FaultRule { Method = "PATCH", ListId = world.CursorList, Scope = FaultScope.Any, Status = 500, Times = 1 });

        await Assert.ThrowsAsync<GraphStoreException>(() => world.Sync.RunOnceAsync(Ct));
        Assert.Equal(AssessmentState.Returned, (await world.RecordAsync()).State);

        var replay = await world.Sync.RunOnceAsync(Ct);

        Assert.Equal((0, 0), (replay.Applied, replay.Refused));
        Assert.Single(await world.AuditAsync(AuditAction.AssessmentReturned));
        Assert.Single(await world.OutboxAsync(), m => m.Notification.Template == NotificationTemplates.Returned);
    }

    [Fact]
    public async Task An_expired_delta_token_compares_the_whole_list_and_still_finds_the_edit_made_meanwhile()
    {
        var world = await SubmittedAsync();
        world.EditAs(Committee, "Karen Holm", new JsonObject { [ColumnNames.CommitteeDecision] = CommitteeDecisions.Returned, [ColumnNames.CommitteeComment] = "Uddyb" });
        world.Emulator.ExpireDeltaTokens(world.AssessmentList);

        var report = await world.Sync.RunOnceAsync(Ct);

        Assert.Equal((1, 0), (report.Applied, report.Refused));
        Assert.Equal(AssessmentState.Returned, (await world.RecordAsync()).State);
    }
}
