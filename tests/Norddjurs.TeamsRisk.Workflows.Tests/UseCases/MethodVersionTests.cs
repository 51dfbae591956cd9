using Norddjurs.TeamsRisk.Workflows.Storage;
using System.Text;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Method;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;

namespace Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

/// <summary>risk-method.md §3.8: versions are published as drafts; the coordinator records the approval; one is active.</summary>
public sealed class MethodVersionTests : IDisposable
{
    internal static readonly MethodApproval Board = new("Direktionen", new DateOnly(2026, 2, 24), "Direktionsmøde 24-02-2026, pkt. 5");
    private readonly World _world = new();
    private readonly StoredMethodVersions _versions;
    private readonly UseCaseServices _services;

    public MethodVersionTests()
    {
        _versions = new StoredMethodVersions(_world.Store);
        _services = _world.Services with { Methods = _versions };
    }

    public void Dispose() => _world.Dispose();

    internal static byte[] NextVersion() =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DefaultMethod.Json()).Replace("\"version\": \"1.0.0\",", "\"version\": \"1.1.0\",", StringComparison.Ordinal));

    private Task<Outcome<MethodVersionChanged>> PublishAsync(byte[] method, byte[]? catalogue, string who = World.Coordinator) =>
        new PublishMethod(_services).HandleAsync(_world.As(who), method, catalogue, World.Ct);

    private Task<Outcome<MethodVersionChanged>> ApproveAsync(string version, MethodApproval? approval = null, string who = World.Coordinator) =>
        new ApproveMethod(_services).HandleAsync(_world.As(who), DefaultMethod.Load().Value.Id, version, approval ?? Board, World.Ct);

    [Fact]
    public async Task A_published_version_is_a_draft_and_no_round_can_start_until_it_is_approved()
    {
        var published = Assert.IsType<Outcome<MethodVersionChanged>.Done>(await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json())).Value;
        Assert.Equal((MethodVersionState.Draft, DefaultMethod.Load().Value.Sha256), (published.State, published.Sha256));
        Assert.False(_versions.HasActive);

        await Walk.ImportAsync(_world);
        var round = await new StartRound(_services).HandleAsync(_world.As(World.Coordinator), new RoundInput("R", _world.Today.AddDays(9)), World.Ct);
        Assert.Equal("method.no_active_version", Assert.IsType<Outcome<RoundStarted>.Rejected>(round).Errors.Single().Code);
    }

    [Fact]
    public async Task Approval_activates_the_version_with_its_record_and_rounds_pin_it()
    {
        await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json());

        Assert.Equal(MethodVersionState.Active, Assert.IsType<Outcome<MethodVersionChanged>.Done>(await ApproveAsync("1.0.0")).Value.State);

        Assert.True(_versions.HasActive);
        Assert.Equal((MethodStatus.Active, Board), (_versions.ActiveMethod.Status, _versions.ActiveMethod.Approval));
        Assert.Equal(DefaultMethod.Load().Value.Sha256, _versions.ActiveMethod.Sha256);
        Assert.Contains(await _world.PendingAuditAsync(), a => a.Action == AuditAction.MethodApproved && a.Decision!["decisionRef"]!.GetValue<string>() == Board.DecisionRef);
        await Walk.ImportAsync(_world);
        Assert.IsType<Outcome<RoundStarted>.Done>(await new StartRound(_services).HandleAsync(_world.As(World.Coordinator), new RoundInput("R", _world.Today.AddDays(9)), World.Ct));
    }

    [Fact]
    public async Task Approving_a_newer_version_retires_the_old_and_assessments_still_find_the_version_they_pinned()
    {
        await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json());
        await ApproveAsync("1.0.0");
        var old = _versions.ActiveMethod;
        Assert.Equal(MethodVersionState.Draft, Assert.IsType<Outcome<MethodVersionChanged>.Done>(await PublishAsync(NextVersion(), null)).Value.State);

        await ApproveAsync("1.1.0");

        Assert.Equal("1.1.0", _versions.ActiveMethod.Version);
        Assert.NotNull(_versions.FindMethod(new(old.Id, old.Version, old.Sha256)));
        var retired = await _world.Store.LoadAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, $"{old.Id}@1.0.0", World.Ct);
        Assert.Equal(MethodVersionState.Retired, retired!.Value.State);
        Assert.Equal("method.retired", Assert.IsType<Outcome<MethodVersionChanged>.Rejected>(await ApproveAsync("1.0.0")).Errors.Single().Code);
    }

    [Fact]
    public async Task Only_the_coordinator_publishes_and_records_approvals()
    {
        Assert.IsType<Outcome<MethodVersionChanged>.Forbidden>(await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json(), World.Director));
        await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json());
        Assert.IsType<Outcome<MethodVersionChanged>.Forbidden>(await ApproveAsync("1.0.0", who: World.Committee));
        Assert.False(_versions.HasActive);
    }

    [Fact]
    public async Task An_approval_needs_approver_date_and_decision_reference()
    {
        await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json());
        var refused = await ApproveAsync("1.0.0", Board with { DecisionRef = " " });
        Assert.Equal("method.approval_incomplete", Assert.IsType<Outcome<MethodVersionChanged>.Rejected>(refused).Errors.Single().Code);
        Assert.IsType<Outcome<MethodVersionChanged>.NotFound>(await ApproveAsync("9.9.9"));
    }

    [Fact]
    public async Task A_broken_document_is_refused_with_every_problem_and_its_path_and_nothing_is_stored()
    {
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DefaultMethod.Json()).Replace("\"rank\": 1", "\"rank\": \"one\"", StringComparison.Ordinal));
        var refused = Assert.IsType<Outcome<MethodVersionChanged>.Rejected>(await PublishAsync(broken, DefaultCatalogue.Json()));
        Assert.Contains(refused.Errors, e => e.Args.TryGetValue("path", out var path) && path.Contains("rank", StringComparison.Ordinal));
        Assert.Empty(await _world.PendingAuditAsync());
    }

    [Fact]
    public async Task The_same_version_with_other_content_is_refused_and_the_same_content_changes_nothing()
    {
        await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json());
        Assert.IsType<Outcome<MethodVersionChanged>.Done>(await PublishAsync(DefaultMethod.Json(), DefaultCatalogue.Json()));
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(DefaultMethod.Json()).Replace("\"rank\": 1", "\"rank\": 2", StringComparison.Ordinal));
        var refused = await PublishAsync(changed, null);
        Assert.True(refused is Outcome<MethodVersionChanged>.Rejected, refused.ToString());
        Assert.Equal(2, (await _world.PendingAuditAsync()).Count);
    }

    [Fact]
    public async Task A_method_whose_catalogue_was_never_published_is_refused()
    {
        var refused = await PublishAsync(DefaultMethod.Json(), null);
        Assert.Equal("method.catalogue_missing", Assert.IsType<Outcome<MethodVersionChanged>.Rejected>(refused).Errors.Single().Code);
    }
}
