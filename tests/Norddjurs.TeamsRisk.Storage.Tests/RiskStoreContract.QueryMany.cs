using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary><see cref="IDocumentStore.QueryManyAsync"/>: several filtered queries read together, each answered as if alone.</summary>
public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task Several_queries_read_together_answer_each_its_matches_by_id_in_the_order_asked()
    {
        await CommitOkAsync(Given.Change("k-1", [
            Given.NewAssessment("a-3", "sys-1", "inProgress"),
            Given.NewAssessment("a-1", "sys-1", "inProgress"),
            Given.NewAssessment("a-2", "sys-1", "submitted"),
            Given.NewAssessment("a-4", "sys-2", "inProgress"),
            DocumentWrite.Create(DocumentKinds.Measure, "m-1", "{}", Given.Index(("assessmentId", "a-1"))),
        ]));

        var answers = await Store.QueryManyAsync(
            [
                FilteredQuery.Where(DocumentKinds.Assessment, "systemId", "sys-2"),
                new FilteredQuery(DocumentKinds.Assessment, Given.Index(("systemId", "sys-1"), ("state", "inProgress"))),
                FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-1"),
                FilteredQuery.Where(DocumentKinds.Assessment, "systemId", "sys-none"),
                new FilteredQuery(DocumentKinds.Assessment, Given.Index()),
                new FilteredQuery(DocumentKinds.Round, Given.Index()),
            ],
            DocumentQuery.MaxPageSize,
            Ct);

        Assert.Equal<string[]>(
            [["a-4"], ["a-1", "a-3"], ["m-1"], [], ["a-1", "a-2", "a-3", "a-4"], []],
            [.. answers.Select(documents => documents.Select(d => d.Id).ToArray())]);
        Assert.Equal(Given.AssessmentJson("a-4"), answers[0][0].Json);
        Assert.Equal((1, "sys-2"), (answers[0][0].Version, answers[0][0].Index["systemId"]));
    }

    [Fact]
    public async Task Queries_read_together_follow_every_page_to_the_last()
    {
        var many = Enumerable.Range(1, 25).Select(n => $"m-{n:D2}").ToList();
        var few = Enumerable.Range(1, 3).Select(n => $"n-{n}").ToList();
        await CommitOkAsync(Given.Change("k-1", [
            .. many.Select(id => DocumentWrite.Create(DocumentKinds.Measure, id, "{}", Given.Index(("assessmentId", "a-1")))),
            .. few.Select(id => DocumentWrite.Create(DocumentKinds.Measure, id, "{}", Given.Index(("assessmentId", "a-2")))),
        ]));

        var answers = await Store.QueryManyAsync(
            [FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-1"), FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-2")], pageSize: 10, Ct);

        Assert.Equal(many, answers[0].Select(d => d.Id));
        Assert.Equal(few, answers[1].Select(d => d.Id));
    }

    [Fact]
    public async Task Queries_read_together_see_nothing_of_a_change_that_did_not_commit()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1", "sys-1", "inProgress")]));
        var current = (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        var failing = OpenFailingAfter("outbox");
        var halfDone = Given.Change(
            "k-2",
            [DocumentWrite.Update(current, Given.AssessmentJson("a-1", 2), Given.Index(("systemId", "sys-1"), ("state", "submitted"))), Given.NewAssessment("a-2", "sys-1")],
            [Given.Intent("e-1")],
            [Given.Message("o-1")]);
        await Assert.ThrowsAnyAsync<Exception>(() => failing.CommitAsync(halfDone, Ct));

        var answers = await OpenSecondInstance().QueryManyAsync(
            [FilteredQuery.Where(DocumentKinds.Assessment, "systemId", "sys-1"), FilteredQuery.Where(DocumentKinds.Assessment, "state", "submitted")], DocumentQuery.MaxPageSize, Ct);

        var seen = Assert.Single(answers[0]);
        Assert.Equal(("a-1", 1, Given.AssessmentJson("a-1"), "inProgress"), (seen.Id, seen.Version, seen.Json, seen.Index["state"]));
        Assert.Empty(answers[1]);
    }

    [Fact]
    public async Task No_queries_read_nothing_and_a_bad_query_is_refused()
    {
        Assert.Empty(await Store.QueryManyAsync([], DocumentQuery.MaxPageSize, Ct));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.QueryManyAsync([FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-1"), FilteredQuery.Where(DocumentKinds.Measure, "colour", "red")], 10, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryManyAsync([new FilteredQuery("nonsense", Given.Index())], 10, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.QueryManyAsync([FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-1")], 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Store.QueryManyAsync([FilteredQuery.Where(DocumentKinds.Measure, "assessmentId", "a-1")], DocumentQuery.MaxPageSize + 1, Ct));
    }
}
