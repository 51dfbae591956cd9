using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Users;

/// <summary>Contract tests 36–38 and the Sites.Selected grant (§8.2, §8.5–§8.7).</summary>
public sealed class TeamworkTests : IDisposable
{
    private readonly Emulated _graph = new();

    public TeamworkTests()
    {
        _graph.Emulator.SeedUser(new UserState("anne-id", "anne@norddjurs.dk", "Anne Ansvarlig"));
        _graph.Emulator.SeedTeamsApp(new TeamsAppState("catalog-1", "manifest-1", "TeamsRisk"));
    }

    [Fact]
    public async Task A_proactive_install_is_201_then_409_and_the_installation_leads_to_the_chat()
    {
        await _graph.Client.Users["anne-id"].Teamwork.InstalledApps.PostAsync(Install());
        var again = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Users["anne-id"].Teamwork.InstalledApps.PostAsync(Install()));
        var found = await _graph.Client.Users["anne-id"].Teamwork.InstalledApps.GetAsync(r =>
        {
            r.QueryParameters.Expand = ["teamsApp"];
            r.QueryParameters.Filter = "teamsApp/externalId eq 'manifest-1'";
        });
        var installation = Assert.Single(found!.Value!);
        var chat = await _graph.Client.Users["anne-id"].Teamwork.InstalledApps[installation.Id].Chat.GetAsync();

        Assert.Equal(409, again.ResponseStatusCode);
        Assert.Equal("catalog-1", installation.TeamsApp!.Id);
        Assert.Matches("^19:.+@unq\\.gbl\\.spaces$", chat!.Id);
    }

    [Fact]
    public async Task An_activity_notification_needs_the_app_installed_for_the_recipient()
    {
        // A fresh body per call: the SDK's backing store sends only changed values when a model is re-sent.
        static SendActivityNotificationPostRequestBody Body() => new()
        {
            Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = "Risikovurdering", WebUrl = "https://teams.microsoft.com/l/entity/x" },
            ActivityType = "assessmentDue",
            PreviewText = new ItemBody { Content = "Frist om 3 dage" },
        };

        var refused = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Users["anne-id"].Teamwork.SendActivityNotification.PostAsync(Body()));
        await _graph.Client.Users["anne-id"].Teamwork.InstalledApps.PostAsync(Install());
        await _graph.Client.Users["anne-id"].Teamwork.SendActivityNotification.PostAsync(Body());

        Assert.Equal(400, refused.ResponseStatusCode);
        var sent = Assert.Single(_graph.Emulator.ActivityNotifications);
        Assert.Equal(("assessmentDue", "Frist om 3 dage"), (sent.ActivityType, sent.PreviewText));
    }

    [Fact]
    public async Task Notifications_to_many_recipients_are_recorded_per_user()
    {
        await _graph.Client.Users["anne-id"].Teamwork.InstalledApps.PostAsync(Install());

        var response = await _graph.Raw.PostAsync("/v1.0/teamwork/sendActivityNotificationToRecipients", Emulated.JsonBody(
            """{"topic":{"source":"text","value":"x","webUrl":"https://teams.microsoft.com/l/entity/x"},"activityType":"systemDefault","previewText":{"content":"Hej"},"recipients":[{"@odata.type":"microsoft.graph.aadUserNotificationRecipient","userId":"anne-id"}]}"""));

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("anne-id", Assert.Single(_graph.Emulator.ActivityNotifications).UserId);
    }

    [Fact]
    public async Task An_app_only_channel_message_is_401_import_purposes()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Teams["team-1"].Channels["19:c@thread.tacv2"].Messages.PostAsync(
            new ChatMessage { Body = new ItemBody { Content = "hej" } }));

        Assert.Equal(401, error.ResponseStatusCode);
        Assert.Contains("import purposes", error.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_grant_is_created_with_write_only_and_raised_by_patch()
    {
        var identities = new List<IdentitySet> { new() { Application = new Identity { Id = "app-id", DisplayName = "Norddjurs TeamsRisk" } } };

        var owner = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Sites[_graph.Site.Id].Permissions.PostAsync(
            new Permission { Roles = ["owner"], GrantedToIdentities = identities }));
        var grant = await _graph.Client.Sites[_graph.Site.Id].Permissions.PostAsync(new Permission { Roles = ["write"], GrantedToIdentities = identities });
        var raised = await _graph.Client.Sites[_graph.Site.Id].Permissions[grant!.Id].PatchAsync(new Permission { Roles = ["fullcontrol"] });

        Assert.Equal(400, owner.ResponseStatusCode);
        Assert.Equal(["fullcontrol"], raised!.Roles!);
    }

    private static UserScopeTeamsAppInstallation Install() => new()
    {
        AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-1" },
    };

    public void Dispose() => _graph.Dispose();
}
