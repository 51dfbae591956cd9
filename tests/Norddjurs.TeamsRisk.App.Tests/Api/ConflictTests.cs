using System.Net;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>No lost update (design.md §2.4): a change made on a version someone else has since moved on is 409, applies nothing, and a retry succeeds.</summary>
public sealed class ConflictTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(InterleavingStore.Wrap);

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task A_change_on_a_stale_version_is_409_problem_details_and_a_retry_with_a_new_key_succeeds()
    {
        await ApiWalk.ImportAsync(_api);
        var id = (await ApiWalk.StartRoundAsync(_api, ApiWalk.HomeCare))[ApiWalk.HomeCare];
        var store = (InterleavingStore)_api.Store;
        store.BeforeNextCommit(async inner =>
        {
            // Someone else saves the assessment after the owner's request has read it.
            var current = (await inner.GetAsync(DocumentKinds.Assessment, id, CancellationToken.None))!;
            var write = DocumentWrite.Update(current, current.Json, current.Index);
            Assert.IsType<CommitResult.Committed>(await inner.CommitAsync(new StoreChange("someone-else", [write], [], [], null), CancellationToken.None));
        });
        var audited = await _api.AuditedCountAsync();

        using var stale = await _api.PostAsync(Callers.Owner, ApiWalk.PathOf(id) + "/open", language: "en");

        var body = await ApiWalk.ExpectAsync(HttpStatusCode.Conflict, stale);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Someone else changed it in the meantime. Reload it and try again.", (string?)body["title"]);
        using (var read = await _api.GetAsync(Callers.Owner, ApiWalk.PathOf(id)))
        {
            Assert.Equal("Invited", (string?)(await read.JsonAsync())["state"]);
        }

        Assert.Equal(audited, await _api.AuditedCountAsync());
        using var retry = await _api.PostAsync(Callers.Owner, ApiWalk.PathOf(id) + "/open");
        Assert.Equal("InProgress", (string?)(await ApiWalk.ExpectAsync(HttpStatusCode.OK, retry))["state"]);
    }
}
