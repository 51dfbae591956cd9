using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Auth;

/// <summary>Strict mode (§10.1): least-privileged permissions of §8.1 and Sites.Selected grants of §8.2.</summary>
public sealed class StrictAuthenticationTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly Emulated _graph = new();
    private readonly List<HttpClient> _clients = [];
    private readonly string _list;

    public StrictAuthenticationTests()
    {
        _list = _graph.CreateListAsync("Systemer").GetAwaiter().GetResult();
        _graph.Emulator.Options.StrictAuthentication = true;
    }

    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(_list).Items.GetAsync());

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", error.Error!.Code);
    }

    [Fact]
    public async Task Sites_Read_All_reads_but_cannot_write_items()
    {
        var client = Client(new FakeToken(AppId, roles: ["Sites.Read.All"]));

        var page = await client.Sites[_graph.Site.Id].Lists[_list].Items.GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Sites[_graph.Site.Id].Lists[_list].Items.PostAsync(NewItem()));

        Assert.NotNull(page);
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("accessDenied", error.Error!.Code);
    }

    [Fact]
    public async Task Sites_Selected_needs_a_grant_write_is_enough_for_items_and_lists_need_more()
    {
        var app = Client(new FakeToken(AppId, roles: ["Sites.Selected"]));
        var admin = Client(new FakeToken("admin-app", roles: ["Sites.FullControl.All"]));
        var items = app.Sites[_graph.Site.Id].Lists[_list].Items;

        var before = await Assert.ThrowsAsync<ODataError>(() => items.GetAsync());
        var grant = await admin.Sites[_graph.Site.Id].Permissions.PostAsync(new Permission
        {
            Roles = ["write"],
            GrantedToIdentities = [new IdentitySet { Application = new Identity { Id = AppId, DisplayName = "Norddjurs TeamsRisk" } }],
        });
        var created = await items.PostAsync(NewItem());
        var noList = await Assert.ThrowsAsync<ODataError>(() => app.Sites[_graph.Site.Id].Lists.PostAsync(new List { DisplayName = "Ny" }));
        await admin.Sites[_graph.Site.Id].Permissions[grant!.Id].PatchAsync(new Permission { Roles = ["manage"] });
        var list = await app.Sites[_graph.Site.Id].Lists.PostAsync(new List { DisplayName = "Ny" });

        Assert.Equal(403, before.ResponseStatusCode);
        Assert.NotNull(created);
        Assert.Equal(403, noList.ResponseStatusCode);
        Assert.NotNull(list);
    }

    [Fact]
    public async Task Batch_steps_are_checked_with_the_outer_token()
    {
        var client = Client(new FakeToken(AppId, roles: ["Sites.Read.All"]));
        var batch = new BatchRequestContentCollection(client);
        await batch.AddBatchRequestStepAsync(client.Sites[_graph.Site.Id].Lists[_list].Items.ToGetRequestInformation(), "read");
        await batch.AddBatchRequestStepAsync(client.Sites[_graph.Site.Id].Lists[_list].Items.ToPostRequestInformation(NewItem()), "write");

        var statuses = await (await client.Batch.PostAsync(batch)).GetResponsesStatusCodesAsync();

        Assert.Equal(200, (int)statuses["read"]);
        Assert.Equal(403, (int)statuses["write"]);
    }

    [Fact]
    public async Task Mail_needs_Mail_Send()
    {
        _graph.Emulator.SeedUser(new Norddjurs.TeamsRisk.GraphEmulator.Users.UserState("u1", "u1@norddjurs.dk", "U1"));
        var client = Client(new FakeToken(AppId, roles: ["User.Read.All"]));

        var user = await client.Users["u1"].GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => client.Users["u1"].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message { ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "x@norddjurs.dk" } }] },
        }));

        Assert.Equal("u1", user!.Id);
        Assert.Equal(403, error.ResponseStatusCode);
    }

    [Fact]
    public async Task A_fault_can_target_one_caller_only()
    {
        _graph.Emulator.Options.StrictAuthentication = false;
        _graph.Emulator.AddFault(new Norddjurs.TeamsRisk.GraphEmulator.Faults.FaultRule { Caller = "noisy-app", Status = 503, RetryAfter = "0" });
        var noisy = Client(new FakeToken("noisy-app", roles: ["Sites.Read.All"]));
        var calm = Client(new FakeToken(AppId, roles: ["Sites.Read.All"]));

        var error = await Assert.ThrowsAsync<AggregateException>(() => noisy.Sites[_graph.Site.Id].GetAsync());
        var site = await calm.Sites[_graph.Site.Id].GetAsync();

        Assert.NotEmpty(error.InnerExceptions);
        Assert.Equal(_graph.Site.Id, site!.Id);
    }

    private GraphServiceClient Client(FakeToken token)
    {
        var http = GraphClientFactory.Create(finalHandler: new GraphEmulatorHandler(_graph.Emulator));
        _clients.Add(http);
        return new GraphServiceClient(http, token, Emulated.BaseUrl);
    }

    private static ListItem NewItem() => new() { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "x" } } };

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        _graph.Dispose();
    }
}
