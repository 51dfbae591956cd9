using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;
using Norddjurs.TeamsRisk.GraphEmulator.Users;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Users;

/// <summary>Contract tests 34–35: users, managers and sendMail (§8.3, §8.4).</summary>
public sealed class UsersTests : IDisposable
{
    private readonly Emulated _graph = new();

    public UsersTests()
    {
        _graph.Emulator.SeedUser(new UserState("boss-id", "boss@norddjurs.dk", "Birgit Boss", "boss@norddjurs.dk"));
        _graph.Emulator.SeedUser(new UserState("anne-id", "anne@norddjurs.dk", "Anne Ansvarlig", "anne@norddjurs.dk", ManagerId: "boss-id"));
    }

    [Fact]
    public async Task A_user_is_found_by_id_or_upn_and_the_manager_is_a_User()
    {
        var byUpn = await _graph.Client.Users["anne@norddjurs.dk"].GetAsync();
        var manager = await _graph.Client.Users["anne-id"].Manager.GetAsync();

        Assert.Equal("anne-id", byUpn!.Id);
        Assert.Equal("Birgit Boss", Assert.IsType<User>(manager).DisplayName);
    }

    [Fact]
    public async Task A_user_without_a_manager_is_404_Request_ResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Users["boss-id"].Manager.GetAsync());

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task SendMail_as_the_SDK_sends_it_is_accepted_and_recorded()
    {
        await _graph.Client.Users["boss-id"].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = "Frist for risikovurdering",
                Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Hej</p>" },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = "anne@norddjurs.dk" } }],
            },
            SaveToSentItems = false,
        });

        var mail = Assert.Single(_graph.Emulator.SentMail);
        Assert.Equal("boss@norddjurs.dk", mail.FromUser);
        Assert.Equal(["anne@norddjurs.dk"], mail.To);
        Assert.False(mail.SaveToSentItems);
        Assert.Equal(HttpStatusCode.Accepted, (HttpStatusCode)_graph.Emulator.RequestLog[^1].Status);
    }

    [Fact]
    public async Task SendMail_without_recipients_is_400()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Users["boss-id"].SendMail.PostAsync(
            new SendMailPostRequestBody { Message = new Message { Subject = "x" } }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Empty(_graph.Emulator.SentMail);
    }

    public void Dispose() => _graph.Dispose();
}
