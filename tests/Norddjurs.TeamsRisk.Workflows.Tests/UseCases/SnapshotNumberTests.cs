using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// A submission's snapshot is numbered from the assessment itself (no query counts the earlier ones, a Graph round trip on
/// SharePoint); a snapshot already under that number is never overwritten.
/// </summary>
public sealed class SnapshotNumberTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_first_submission_is_number_one_and_the_resubmission_after_a_return_the_next()
    {
        var id = await Walk.AtSummaryAsync(_world);
        var record = await _world.AssessmentAsync(id);

        Assert.Equal(id + "@1", SubmitAssessment.NextSnapshotId(record));
        Assert.Equal(id + "@4", SubmitAssessment.NextSnapshotId(record with { SnapshotId = id + "@3" }));
        // Not this assessment's numbering (a copied record): start again rather than continue another's.
        Assert.Equal(id + "@1", SubmitAssessment.NextSnapshotId(record with { SnapshotId = "other@7" }));
    }

    [Fact]
    public async Task A_snapshot_already_under_the_next_number_makes_the_submission_a_conflict_and_nothing_changes()
    {
        var id = await Walk.AtSummaryAsync(_world);
        var stray = DocumentWrite.Create(DocumentKinds.Snapshot, id + "@1", """{"stray":true}""", new Dictionary<string, string> { ["assessmentId"] = id, ["systemId"] = "x", ["roundId"] = "" });
        Assert.IsType<CommitResult.Committed>(await _world.Store.CommitAsync(new StoreChange("stray-snapshot", [stray], [], [], null), World.Ct));
        var before = ((await _world.Store.GetAsync(DocumentKinds.Assessment, id, World.Ct))!.Version, (await _world.PendingAuditAsync()).Count);

        var submitted = await new SubmitAssessment(_world.Services).HandleAsync(_world.As(World.Owner), id, World.Ct);

        Assert.IsType<Outcome<AssessmentChanged>.Conflict>(submitted);
        Assert.Equal(before, ((await _world.Store.GetAsync(DocumentKinds.Assessment, id, World.Ct))!.Version, (await _world.PendingAuditAsync()).Count));
        Assert.Equal(AssessmentState.InProgress, (await _world.AssessmentAsync(id)).State);
        Assert.Equal("""{"stray":true}""", (await _world.Store.GetAsync(DocumentKinds.Snapshot, id + "@1", World.Ct))!.Json);
    }
}
