using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Testing.Stores;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reassessing;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>
/// design.md §3: a system never has two open assessments, even when a round and a reassessment invite it at the same moment.
/// Both read "no open assessment"; the one that commits second must be a conflict (its retry then sees the open one).
/// </summary>
public sealed class InvitationRaceTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_round_committed_between_a_reassessments_reads_and_its_commit_makes_the_reassessment_a_conflict()
    {
        await Walk.ImportAsync(_world);
        var racing = new RacingStore(_world.Store, () => StartRoundAsync(_world.Services));

        var reassessed = await new StartReassessment(_world.Services with { Store = racing })
            .HandleAsync(_world.As(World.Coordinator), World.HomeCare, new ReassessmentInput("incident", "Phishing"), World.Ct);

        Assert.IsType<Outcome<ReassessmentStarted>.Conflict>(reassessed);
        var open = Assert.Single(await OpenOfAsync(World.HomeCare));
        Assert.NotNull(open.Assessment.RoundId);

        // Tried again, the reassessment finds the round's assessment and notes the trigger on it.
        var retried = Assert.IsType<Outcome<ReassessmentStarted>.Done>(await new StartReassessment(_world.Services)
            .HandleAsync(_world.As(World.Coordinator), World.HomeCare, new ReassessmentInput("incident", "Phishing"), World.Ct)).Value;
        Assert.Equal((open.Id, false), (retried.AssessmentId, retried.Started));
        Assert.Single(await OpenOfAsync(World.HomeCare));
    }

    [Fact]
    public async Task A_reassessment_committed_between_a_rounds_reads_and_its_commit_makes_the_round_a_conflict()
    {
        await Walk.ImportAsync(_world);
        var racing = new RacingStore(_world.Store, async () =>
            Assert.IsType<Outcome<ReassessmentStarted>.Done>(await new StartReassessment(_world.Services)
                .HandleAsync(_world.As(World.Coordinator), World.HomeCare, new ReassessmentInput("incident", "Phishing"), World.Ct)));

        var round = await StartRoundAsync(_world.Services with { Store = racing });

        Assert.IsType<Outcome<RoundStarted>.Conflict>(round);
        var open = Assert.Single(await OpenOfAsync(World.HomeCare));
        Assert.Equal("incident", open.Assessment.Trigger);

        // Started again, the round leaves that system out as under assessment and invites the others.
        var retried = Assert.IsType<Outcome<RoundStarted>.Done>(await StartRoundAsync(_world.Services)).Value;
        Assert.Contains(retried.Skipped, s => s.SystemId == World.HomeCare);
        Assert.NotEmpty(retried.AssessmentIds);
        Assert.Single(await OpenOfAsync(World.HomeCare));
    }

    private Task<Outcome<RoundStarted>> StartRoundAsync(UseCaseServices services) =>
        new StartRound(services).HandleAsync(_world.As(World.Coordinator), new RoundInput("Runde 2026", _world.Today.AddDays(30)), World.Ct);

    private async Task<IReadOnlyList<AssessmentRecord>> OpenOfAsync(string systemId) =>
        [.. (await _world.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", systemId, World.Ct))
            .Select(a => a.Value).Where(a => !AssessmentTransitions.IsFinal(a.State))];

    /// <summary>Runs the rival use case once, just before the first commit passes through: after this one's reads, before its write.</summary>
    private sealed class RacingStore(IRiskStore inner, Func<Task> rival) : ForwardingRiskStore(inner)
    {
        private bool _raced;

        public override async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
        {
            if (!_raced)
            {
                _raced = true;
                await rival().ConfigureAwait(false);
            }

            return await base.CommitAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }
}
