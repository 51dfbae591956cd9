using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;
using Norddjurs.TeamsRisk.Workflows.Queries.Review;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Queries;

public sealed class ReviewAndExportQueryTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    private Visibility Visibility => new(_world.Services.Roles);

    [Fact]
    public async Task A_submission_waits_for_the_committee_with_its_above_appetite_lines_and_review_deadline()
    {
        var id = await Walk.SubmittedAsync(_world);

        var queue = Assert.IsType<Outcome<ReviewQueue>.Done>(await new ReviewQueueQuery(_world.Services, Visibility).ReadAsync(_world.As(World.Auditor).Actor, World.Ct)).Value;

        var waiting = Assert.Single(queue.Submissions);
        Assert.Equal(id, waiting.AssessmentId);
        Assert.Equal([Walk.Ransomware, Walk.Network], waiting.AboveAppetite.Select(l => l.EventId).Order(StringComparer.Ordinal));
        // 15 working days from Monday 2 March 2026 (risk-method.md §3.4).
        Assert.Equal(new DateOnly(2026, 3, 23), waiting.ReviewDeadline);
        Assert.Empty(queue.Escalations);
    }

    [Fact]
    public async Task After_approval_each_above_appetite_line_waits_for_its_authority_with_a_deadline()
    {
        var id = await Walk.SubmittedAsync(_world);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct)).IsDone);

        var queue = Assert.IsType<Outcome<ReviewQueue>.Done>(await new ReviewQueueQuery(_world.Services, Visibility).ReadAsync(_world.As(World.Committee).Actor, World.Ct)).Value;

        Assert.Empty(queue.Submissions);
        Assert.Equal(2, queue.Escalations.Count);
        Assert.All(queue.Escalations, e => Assert.Equal(Core.Role.AreaManager, e.Authority));
        Assert.All(queue.Escalations, e => Assert.Equal(new DateOnly(2026, 3, 16), e.Deadline));
        Assert.Contains(queue.Escalations, e => e.Recommendation.Contains(Walk.Network, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_cannot_read_the_review_queue()
    {
        await Walk.SubmittedAsync(_world);

        Assert.IsType<Outcome<ReviewQueue>.Forbidden>(await new ReviewQueueQuery(_world.Services, Visibility).ReadAsync(_world.As(World.Owner).Actor, World.Ct));
    }

    [Fact]
    public async Task The_register_export_holds_every_scored_line_with_its_recommendation_and_an_export_is_audited()
    {
        var id = await Walk.SubmittedAsync(_world);
        Assert.True((await new ApproveAssessment(_world.Services).HandleAsync(_world.As(World.Committee), id, Walk.Recommendations(await _world.AssessmentAsync(id)), World.Ct)).IsDone);
        var exports = new ExportQueries(_world.Services, new RegisterQuery(_world.Services, Visibility), Visibility);

        var export = Assert.IsType<Outcome<RegisterExport>.Done>(await exports.RegisterAsync(_world.As(World.Auditor).Actor, World.Ct)).Value;

        Assert.Equal(3, export.Risks.Count);
        Assert.Equal(export.Risks.Count, export.Matrices.Current.Total);
        var network = Assert.Single(export.Risks, r => r.EventId == Walk.Network);
        Assert.Equal(9, network.Points);
        Assert.Equal("Udvalget anbefaler foranstaltningerne for " + Walk.Network, network.Recommendation);
        Assert.Null(Assert.Single(export.Risks, r => r.EventId == Walk.Power).Recommendation);
        Assert.IsType<Outcome<RegisterExport>.Forbidden>(await exports.RegisterAsync(_world.As(World.Owner).Actor, World.Ct));

        var before = (await _world.PendingAuditAsync()).Count;
        Assert.True((await new RecordExport(_world.Services).HandleAsync(_world.As(World.Auditor), new AuditSubject("export", "register.xlsx"), new() { ["lines"] = 3 }, World.Ct)).IsDone);
        var entry = Assert.Single((await _world.PendingAuditAsync()).Skip(before));
        Assert.Equal(AuditAction.ExportGenerated, entry.Action);
        Assert.Equal(World.Auditor, entry.Actor.ObjectId);
    }

    [Fact]
    public async Task The_system_report_is_the_assessment_of_the_named_round_with_its_snapshot_hash()
    {
        var id = await Walk.SubmittedAsync(_world);
        var record = await _world.AssessmentAsync(id);
        var exports = new ExportQueries(_world.Services, new RegisterQuery(_world.Services, Visibility), Visibility);

        var report = Assert.IsType<Outcome<SystemReport>.Done>(await exports.SystemReportAsync(_world.As(World.Committee).Actor, World.HomeCare, record.Assessment.RoundId, World.Ct)).Value;

        Assert.Equal(id, report.AssessmentId);
        Assert.Equal(64, report.SnapshotSha256!.Length);
        Assert.Equal(record.Assessment.Method, report.Method);
        Assert.IsType<Outcome<SystemReport>.NotFound>(await exports.SystemReportAsync(_world.As(World.Committee).Actor, World.HomeCare, "no-such-round", World.Ct));
    }
}
