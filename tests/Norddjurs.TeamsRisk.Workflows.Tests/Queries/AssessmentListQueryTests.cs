using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Queries;

/// <summary>
/// The assessment lists (the bot's start card, the tab's list): an owner or deputy sees their systems' assessments, the
/// global readers everything unless they ask for their own, anyone else nothing; on the use cases' SQLite world.
/// </summary>
public sealed class AssessmentListQueryTests : IDisposable
{
    private readonly World _world = new();

    public void Dispose() => _world.Dispose();

    private AssessmentQueries Queries => new(_world.Services, new Visibility(_world.Services.Roles));

    [Theory]
    [InlineData(World.Owner, true, new[] { "OMS-01" })]
    [InlineData(World.Owner, false, new[] { "OMS-01" })]
    [InlineData(World.Deputy, true, new[] { "OMS-01" })]
    [InlineData(World.OtherOwner, true, new[] { "ØKO-02" })]
    [InlineData(World.Committee, false, new[] { "OMS-01", "ØKO-02" })]
    [InlineData(World.Committee, true, new string[0])]
    [InlineData(World.Stranger, false, new string[0])]
    public async Task Each_reader_lists_the_assessments_of_the_systems_they_may_see_ordered_by_id(string who, bool mine, string[] systems)
    {
        await Walk.InvitedAsync(_world);

        var listed = await Queries.ListStoredAsync(_world.As(who).Actor, mine, World.Ct);

        Assert.Equal(systems, listed.Select(a => a.Summary.SystemId));
        Assert.Equal(listed.Select(a => a.Summary.Id).Order(StringComparer.Ordinal), listed.Select(a => a.Summary.Id));
        Assert.All(listed, a => Assert.Equal((a.Summary.Id, a.Summary.SystemId), (a.Stored.Value.Id, a.Stored.Value.SystemId)));
        Assert.All(listed, a => Assert.False(string.IsNullOrEmpty(a.Summary.SystemName)));
    }
}
