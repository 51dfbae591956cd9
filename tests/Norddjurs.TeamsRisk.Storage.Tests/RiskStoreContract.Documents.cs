using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

public abstract partial class RiskStoreContract
{
    [Fact]
    public async Task A_created_document_reads_back_with_version_1_and_its_index()
    {
        var committed = await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1", systemId: "sys-7")]));

        var stored = await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct);

        Assert.Equal(1, committed.VersionOf(DocumentKinds.Assessment, "a-1"));
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(Given.AssessmentJson("a-1"), stored.Json);
        Assert.Equal("sys-7", stored.Index["systemId"]);
        Assert.Equal("inProgress", stored.Index["state"]);
    }

    [Fact]
    public async Task A_missing_document_reads_as_null()
    {
        Assert.Null(await Store.GetAsync(DocumentKinds.Assessment, "nope", Ct));
    }

    [Fact]
    public async Task An_update_raises_the_version_and_replaces_the_index()
    {
        await CommitOkAsync(Given.Change("k-1", [Given.NewAssessment("a-1", state: "inProgress")]));
        var current = (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;

        var committed = await CommitOkAsync(Given.Change("k-2", [DocumentWrite.Update(current, Given.AssessmentJson("a-1", 2), Given.Index(("state", "submitted")))]));

        var stored = (await Store.GetAsync(DocumentKinds.Assessment, "a-1", Ct))!;
        Assert.Equal(2, committed.VersionOf(DocumentKinds.Assessment, "a-1"));
        Assert.Equal(2, stored.Version);
        Assert.Equal(Given.AssessmentJson("a-1", 2), stored.Json);
        Assert.Equal(new Dictionary<string, string> { ["state"] = "submitted" }, stored.Index);
        Assert.Empty((await Store.QueryAsync(DocumentKinds.Assessment, DocumentQuery.Where("state", "inProgress"), Ct)).Items);
    }

    [Fact]
    public async Task A_query_returns_the_documents_matching_every_filter_ordered_by_id()
    {
        await CommitOkAsync(Given.Change("k-1", [
            Given.NewAssessment("a-3", "sys-1", "inProgress"),
            Given.NewAssessment("a-1", "sys-1", "inProgress"),
            Given.NewAssessment("a-2", "sys-1", "submitted"),
            Given.NewAssessment("a-4", "sys-2", "inProgress"),
        ]));

        var page = await Store.QueryAsync(
            DocumentKinds.Assessment,
            new DocumentQuery(Given.Index(("systemId", "sys-1"), ("state", "inProgress"))),
            Ct);

        Assert.Equal(["a-1", "a-3"], page.Items.Select(d => d.Id));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task A_query_pages_through_every_match_once_with_continuation_tokens()
    {
        var ids = Enumerable.Range(1, 25).Select(n => $"m-{n:D2}").ToList();
        await CommitOkAsync(Given.Change("k-1", ids.Select(id => DocumentWrite.Create(DocumentKinds.Measure, id, "{}", Given.Index(("assessmentId", "a-1"))))));

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.QueryAsync(DocumentKinds.Measure, DocumentQuery.Where("assessmentId", "a-1", pageSize: 10) with { ContinuationToken = token }, Ct);
            seen.AddRange(page.Items.Select(d => d.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Kinds_are_apart_so_the_same_id_in_two_kinds_is_two_documents()
    {
        await CommitOkAsync(Given.Change("k-1", [
            Given.NewAssessment("x-1"),
            DocumentWrite.Create(DocumentKinds.Measure, "x-1", """{"measure":true}""", Given.Index(("assessmentId", "x-1"))),
        ]));

        Assert.Equal(Given.AssessmentJson("x-1"), (await Store.GetAsync(DocumentKinds.Assessment, "x-1", Ct))!.Json);
        Assert.Equal("""{"measure":true}""", (await Store.GetAsync(DocumentKinds.Measure, "x-1", Ct))!.Json);
    }

    [Fact]
    public async Task An_undeclared_index_name_is_a_programming_error()
    {
        var write = DocumentWrite.Create(DocumentKinds.Measure, "m-1", "{}", Given.Index(("colour", "red")));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(Given.Change("k-1", [write]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryAsync(DocumentKinds.Measure, DocumentQuery.Where("colour", "red"), Ct));
        Assert.Null(await Store.GetAsync(DocumentKinds.Measure, "m-1", Ct));
    }
}
