using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Queries;

/// <summary>
/// Reading the method versions (risk-method.md §3.8): coordinator, committee, auditor and directorate read them with
/// their approval and catalogue; owners and strangers are refused. The comparisons the editor shows are pure.
/// </summary>
public sealed class MethodVersionsQueryTests : IDisposable
{
    private static readonly MethodApproval Board = MethodVersionTests.Board;
    private readonly World _world = new();
    private readonly UseCaseServices _services;
    private readonly MethodVersionsQuery _query;

    public MethodVersionsQueryTests()
    {
        _services = _world.Services with { Methods = new StoredMethodVersions(_world.Store) };
        _query = new MethodVersionsQuery(_services, new Visibility(_services.Roles));
    }

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(World.Coordinator)]
    [InlineData(World.Committee)]
    [InlineData(World.Auditor)]
    [InlineData(World.Director)]
    public async Task Each_reader_lists_the_versions_newest_first_with_state_hash_approval_and_catalogue(string reader)
    {
        await PublishAndApproveAsync();
        _world.Time.Advance(TimeSpan.FromHours(1));
        Assert.True((await new PublishMethod(_services).HandleAsync(_world.As(World.Coordinator), MethodVersionTests.NextVersion(), null, World.Ct)).IsDone);

        var versions = Assert.IsType<Outcome<IReadOnlyList<MethodVersionSummary>>.Done>(await _query.ListAsync(Actor.Of(World.Tenant, reader), World.Ct)).Value;

        Assert.Equal(
            [("1.1.0", MethodVersionState.Draft, MethodApproval.None), ("1.0.0", MethodVersionState.Active, Board)],
            versions.Select(v => (v.Version, v.State, v.Approval)));
        Assert.All(versions, v => Assert.Equal(("nk-event-catalog", "1.0.0"), (v.CatalogueId, v.CatalogueVersion)));
        Assert.Equal(DefaultMethod.Load().Value.Sha256, versions[1].Sha256);
    }

    [Theory]
    [InlineData(World.Owner)]
    [InlineData(World.Stranger)]
    public async Task Owners_and_strangers_are_refused_both_the_list_and_the_documents(string who)
    {
        await PublishAndApproveAsync();

        Assert.IsType<Outcome<IReadOnlyList<MethodVersionSummary>>.Forbidden>(await _query.ListAsync(Actor.Of(World.Tenant, who), World.Ct));
        Assert.IsType<Outcome<MethodVersionDocuments>.Forbidden>(await _query.ReadAsync(Actor.Of(World.Tenant, who), "nk-risk-method", "1.0.0", World.Ct));
        Assert.IsType<Outcome<MethodVersionDocuments>.Forbidden>(await _query.ReadActiveAsync(Actor.Of(World.Tenant, who), World.Ct));
    }

    [Fact]
    public async Task A_version_is_read_with_its_documents_as_published_and_an_unknown_one_is_not_found()
    {
        var auditor = Actor.Of(World.Tenant, World.Auditor);
        Assert.IsType<Outcome<MethodVersionDocuments>.NotFound>(await _query.ReadActiveAsync(auditor, World.Ct));
        await PublishAndApproveAsync();

        var read = Assert.IsType<Outcome<MethodVersionDocuments>.Done>(await _query.ReadActiveAsync(auditor, World.Ct)).Value;

        Assert.Equal(Encoding.UTF8.GetString(DefaultMethod.Json()), read.MethodJson);
        Assert.Equal(Encoding.UTF8.GetString(DefaultCatalogue.Json()), read.CatalogueJson);
        Assert.IsType<Outcome<MethodVersionDocuments>.NotFound>(await _query.ReadAsync(auditor, "nk-risk-method", "9.9.9", World.Ct));
    }

    [Fact]
    public void The_method_comparison_lists_each_changed_added_and_removed_value_by_the_loaders_path()
    {
        var active = JsonNode.Parse("""{"version":"1.0.0","bands":[{"id":"low","color":"#107C10"}],"allowed":["accept","reduce"],"note":"x"}""");
        var draft = JsonNode.Parse("""{"version":"1.1.0","bands":[{"id":"low","color":"#0B6A0B"},{"id":"new"}],"allowed":["accept"]}""");

        Assert.Equal(
            [
                new ValueDifference("$.version", "1.0.0", "1.1.0"),
                new ValueDifference("$.bands[0].color", "#107C10", "#0B6A0B"),
                new ValueDifference("$.bands[1]", null, """{"id":"new"}"""),
                new ValueDifference("$.allowed", """["accept","reduce"]""", """["accept"]"""),
                new ValueDifference("$.note", "x", null),
            ],
            MethodComparison.Compare(active, draft));
        Assert.Empty(MethodComparison.Compare(active, active!.DeepClone()));
    }

    [Fact]
    public void The_catalogue_comparison_matches_events_by_id_in_the_active_order_then_the_new_ones()
    {
        var active = JsonNode.Parse("""{"events":[{"id":"A","name":{"da":"a"}},{"id":"B","name":{"da":"b"}},{"id":"C","name":{"da":"c"}}]}""");
        var draft = JsonNode.Parse("""{"events":[{"id":"D","name":{"da":"d"}},{"id":"C","name":{"da":"c2"}},{"id":"A","name":{"da":"a"}}]}""");

        Assert.Equal(
            [("A", EventChange.Unchanged), ("B", EventChange.Removed), ("C", EventChange.Changed), ("D", EventChange.Added)],
            CatalogueComparison.Compare(active, draft).Select(d => (d.EventId, d.Change)));
    }

    [Fact]
    public void The_documents_check_names_each_problem_with_its_document_and_path_and_accepts_the_shipped_ones()
    {
        var catalogue = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DefaultCatalogue.Json()).Replace("\"baseline\": true", "\"baseline\": \"yes\"", StringComparison.Ordinal));

        var problems = MethodDocuments.Problems(DefaultMethod.Json(), catalogue);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(MethodDocuments.Catalogue, MethodDocuments.DocumentOf(p)));
        Assert.Contains(problems, p => MethodDocuments.PathOf(p) == "$.events[0].baseline");
        Assert.Empty(MethodDocuments.Problems(DefaultMethod.Json(), DefaultCatalogue.Json()));
    }

    private async Task PublishAndApproveAsync()
    {
        Assert.True((await new PublishMethod(_services).HandleAsync(_world.As(World.Coordinator), DefaultMethod.Json(), DefaultCatalogue.Json(), World.Ct)).IsDone);
        Assert.True((await new ApproveMethod(_services).HandleAsync(_world.As(World.Coordinator), "nk-risk-method", "1.0.0", Board, World.Ct)).IsDone);
    }
}
