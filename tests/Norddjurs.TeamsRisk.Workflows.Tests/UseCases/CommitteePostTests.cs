using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// The committee card's place in the channel is kept on the assessment, and each committee decision asks for that card to
/// be updated in place (design.md §5), ordered after the post it updates.
/// </summary>
public sealed class CommitteePostTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_post_of_the_current_submission_is_kept_and_a_resubmission_forgets_it()
    {
        var id = await Walk.SubmittedAsync(_world);
        var record = await _world.AssessmentAsync(id);
        var post = new CommitteePost("19:c@thread.tacv2;messageid=17", "17", record.SnapshotId, _world.Time.GetUtcNow());

        Assert.True(await new RecordCommitteePost(_world.Store).HandleAsync(id, post, World.Ct));
        Assert.True(await new RecordCommitteePost(_world.Store).HandleAsync(id, post, World.Ct));
        Assert.Equal(post, (await _world.AssessmentAsync(id)).CommitteePost);

        Assert.True((await new ReturnAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, "Uddyb", World.Ct)).IsDone);
        Assert.True((await new OpenAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);
        Assert.True((await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct)).IsDone);

        Assert.Null((await _world.AssessmentAsync(id)).CommitteePost);
        Assert.False(await new RecordCommitteePost(_world.Store).HandleAsync(id, post, World.Ct));
        Assert.Null((await _world.AssessmentAsync(id)).CommitteePost);
    }

    [Fact]
    public async Task Approval_records_who_decided_and_asks_for_the_committee_card_to_be_updated()
    {
        var approvedId = await Walk.SubmittedAsync(_world);
        var record = await _world.AssessmentAsync(approvedId);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), approvedId, Walk.Recommendations(record), World.Ct)).IsDone);

        var approved = await _world.AssessmentAsync(approvedId);
        Assert.Equal((World.Committee, _world.Time.GetUtcNow()), (approved.Review?.ByObjectId, approved.Review?.At));
        var update = Assert.Single(_world.Outbox(), n => n.Kind == OutboxKinds.TeamsUpdate);
        Assert.Equal((NotificationTemplates.CommitteeCard, "role:committee", approvedId), (update.Template, update.To.OrderingKey, update.Data["assessmentId"]));
        Assert.NotEqual(AssessmentState.Submitted, approved.State);
    }
}
