using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>design.md §2: applied once, all or nothing, no lost update, immutable snapshots.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task A_replayed_change_applies_once_and_answers_with_the_first_result()
    {
        await CommitOkAsync(Given.Change("conv-1/act-1", [Given.NewAssessment("a-1")], [Given.Intent("e-1")], [Given.Message("o-1")], result: """{"card":1}"""));

        var replay = await Store.CommitAsync(
            Given.Change("conv-1/act-1", [Given.NewAssessment("a-2")], [Given.Intent("e-2")], [Given.Message("o-2", "conv-2")], result: """{"card":2}"""),
            Ct);

        Assert.Equal(new CommitResult.Replayed("""{"card":1}"""), replay);
        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "a-2", Ct));
        Assert.Equal(["e-1"], await PendingEntryIdsAsync());
        Assert.Equal(["o-1"], await DueMessageIdsAsync());
    }

    [Fact]
    public async Task An_applied_change_is_found_by_its_key_with_its_result_and_a_failed_one_is_not()
    {
        Assert.Null(await Store.FindAppliedChangeAsync("conv-1/act-1", Ct));
        await CommitOkAsync(Given.Change("conv-1/act-1", [Given.NewAssessment("a-1")], [Given.Intent("e-1")], [], result: """{"card":1}"""));
        Assert.Equal(new AppliedChange("""{"card":1}"""), await Store.FindAppliedChangeAsync("conv-1/act-1", Ct));

        var conflict = await Store.CommitAsync(Given.Change("conv-1/act-2", [Given.NewAssessment("a-1")], [], [], result: "{}"), Ct);
        Assert.IsType<CommitResult.Conflict>(conflict);
        Assert.Null(await Store.FindAppliedChangeAsync("conv-1/act-2", Ct));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1")]));
        var seen = (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        await CommitOkAsync(Given.Change("k-2", [DocumentWrite.Update(seen, Given.AssessmentJson("a-1", 2))]));

        var stale = await Store.CommitAsync(
            Given.Change("k-3", [DocumentWrite.Update(seen, Given.AssessmentJson("a-1", 3))], [Given.Intent("e-3")], [Given.Message("o-3")]),
            Ct);

        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Assessment, "a-1", 1, 2), stale);
        Assert.Equal(Given.AssessmentJson("a-1", 2), (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Json);
        Assert.Empty(await PendingEntryIdsAsync());
        Assert.Empty(await DueMessageIdsAsync());
    }

    [Fact]
    public async Task A_conflicted_change_does_not_use_up_its_idempotency_key()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1")]));

        var conflict = await Store.CommitAsync(Given.Change("k-2", [Given.NewAssessment("a-1")]), Ct);
        var retried = await Store.CommitAsync(Given.Change("k-2", [Given.NewAssessment("a-2")]), Ct);

        Assert.IsType<CommitResult.Conflict>(conflict);
        Assert.IsType<CommitResult.Committed>(retried);
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_a_conflict()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1")]));

        var again = await Store.CommitAsync(Given.Change("k-2", [Given.NewAssessment("a-1", systemId: "sys-9")]), Ct);

        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Assessment, "a-1", null, 1), again);
        Assert.Equal("sys-1", (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Index["systemId"]);
    }

    [Fact]
    public async Task Updating_a_missing_document_is_a_conflict()
    {
        var write = new DocumentWrite(DocumentKinds.Assessment, "ghost", 1, "{}", Given.Index());

        Assert.Equal(new CommitResult.Conflict(DocumentKinds.Assessment, "ghost", 1, null), await Store.CommitAsync(Given.Change("k-1", [write]), Ct));
        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "ghost", Ct));
    }

    [Theory]
    [InlineData(DocumentKinds.Snapshot)]
    [InlineData(DocumentKinds.SystemVersion)]
    public async Task Immutable_kinds_refuse_any_rewrite_even_with_the_right_version(string kind)
    {
        await CommitOkAsync(Given.Change("k-1", [DocumentWrite.Create(kind, "v-1", """{"submitted":true}""")]));
        var stored = (await Store.GetAsync(kind, "v-1", Ct))!;

        var rewrite = await Store.CommitAsync(Given.Change("k-2", [DocumentWrite.Update(stored, """{"submitted":false}""")]), Ct);

        Assert.Equal(new CommitResult.Conflict(kind, "v-1", 1, 1), rewrite);
        Assert.Equal("""{"submitted":true}""", (await Store.GetAsync(kind, "v-1", Ct))!.Json);
    }

    [Fact]
    public async Task A_conflict_on_a_later_write_leaves_the_earlier_writes_of_the_change_unapplied()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1")]));

        var change = Given.Change("k-2", [Given.NewAssessment("a-2"), Given.NewAssessment("a-1")], [Given.Intent("e-2")], [Given.Message("o-2")]);

        Assert.IsType<CommitResult.Conflict>(await Store.CommitAsync(change, Ct));
        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "a-2", Ct));
        Assert.Empty(await PendingEntryIdsAsync());
    }

    [Theory]
    [InlineData("document")]
    [InlineData("audit")]
    [InlineData("outbox")]
    public async Task A_change_that_fails_halfway_leaves_nothing_visible_and_can_be_retried(string failingStep)
    {
        var failing = OpenFailingAfter(failingStep);
        var change = Given.Change("k-1", [Given.NewAssessment("a-1"), Given.NewAssessment("a-2")], [Given.Intent("e-1"), Given.Intent("e-2")], [Given.Message("o-1"), Given.Message("o-2", "conv-2")]);

        await Assert.ThrowsAnyAsync<Exception>(() => failing.CommitAsync(change, Ct));

        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct));
        Assert.Empty(await PendingEntryIdsAsync());
        Assert.Empty(await DueMessageIdsAsync());
        Assert.IsType<CommitResult.Committed>(await Store.CommitAsync(change, Ct));
        Assert.Equal(["e-1", "e-2"], await PendingEntryIdsAsync());
    }

    [Fact]
    public async Task A_committed_change_is_visible_to_another_instance()
    {
        await CommitOkAsync(Given.CardChange("k-1", Given.NewAssessment("a-1"), "e-1", "o-1"));

        var other = OpenSecondInstance();

        Assert.Equal(1, (await other.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!.Version);
        Assert.Equal(["o-1"], await DueMessageIdsAsync(other));
        Assert.IsType<CommitResult.Replayed>(await other.CommitAsync(Given.CardChange("k-1", Given.NewAssessment("a-1"), "e-1", "o-1"), Ct));
    }
}
