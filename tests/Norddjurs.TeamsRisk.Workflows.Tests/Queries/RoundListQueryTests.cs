using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Queries;

/// <summary>Every round with its counts, newest first, for the round's readers; on the use cases' SQLite world.</summary>
public sealed class RoundListQueryTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    private RoundListQuery Query => new(_world.Services, new Visibility(_world.Services.Roles));

    [Fact]
    public async Task Rounds_are_listed_newest_first_with_invited_opened_submitted_and_overdue()
    {
        var submitted = await Walk.SubmittedAsync(_world); // the first round: OMS-01 submitted, ØKO-02 invited
        var first = (await _world.AssessmentAsync(submitted)).Assessment.RoundId!;
        _world.Time.Advance(TimeSpan.FromDays(40)); // past the first round's deadline (1 April)
        var second = Assert.IsType<Outcome<RoundStarted>.Done>(await new StartRound(_world.Services).HandleAsync(
            _world.As(World.Coordinator), new RoundInput("Efterår", _world.Today.AddDays(20)), World.Ct)).Value;

        var list = Assert.IsType<Outcome<RoundList>.Done>(await Query.ReadAsync(_world.As(World.Committee).Actor, World.Ct)).Value;

        Assert.Equal([second.RoundId, first], list.Rounds.Select(r => r.RoundId));
        var older = list.Rounds[1];
        Assert.Equal(("Runde 2026", new DateOnly(2026, 4, 1), new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)), (older.Name, older.Deadline, older.StartedAt));
        Assert.Equal((2, 1, 1, 1, 0), (older.Invited, older.Opened, older.Submitted, older.Overdue, older.Cancelled));
        // Both active systems are still open in the first round, so the second invites nobody.
        Assert.Equal((0, 0, 0, 0), (list.Rounds[0].Invited, list.Rounds[0].Opened, list.Rounds[0].Submitted, list.Rounds[0].Overdue));
    }

    [Theory]
    [InlineData(World.Coordinator, true)]
    [InlineData(World.Committee, true)]
    [InlineData(World.Auditor, true)]
    [InlineData(World.Director, false)]
    [InlineData(World.Owner, false)]
    [InlineData(World.Stranger, false)]
    public async Task The_coordinator_committee_and_auditor_list_the_rounds(string who, bool reads)
    {
        await Walk.InvitedAsync(_world);

        var outcome = await Query.ReadAsync(_world.As(who).Actor, World.Ct);

        if (reads)
        {
            Assert.Single(Assert.IsType<Outcome<RoundList>.Done>(outcome).Value.Rounds);
        }
        else
        {
            Assert.Equal("workflow.role_missing", Assert.IsType<Outcome<RoundList>.Forbidden>(outcome).Error.Code);
        }
    }
}
