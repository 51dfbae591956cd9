using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>Each operation's URL, method, headers and body as §3.2–§3.5 describe them, against the fake connector.</summary>
public sealed class ConnectorOperationsTests : IAsyncLifetime
{
    private const string ThreadId = "19:c0mm1ttee00000000000000000000000@thread.tacv2;messageid=1776390257332";
    private const string EscapedThreadId = "19%3Ac0mm1ttee00000000000000000000000%40thread.tacv2%3Bmessageid%3D1776390257332";

    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_text_is_posted_to_the_conversations_activities_with_the_bearer_token()
    {
        var result = await _harness.Run(c => c.SendAsync(_harness.Personal, new TextMessage("Her er næste trin i vurderingen.") { Locale = "da-DK" }, default));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1Zk3personal/activities", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = request.Body!.AsObject();
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("markdown", (string?)body["textFormat"]);
        Assert.Equal("Her er næste trin i vurderingen.", (string?)body["text"]);
        Assert.Equal("da-DK", (string?)body["locale"]);
        Assert.Equal(ConnectorHarness.BotId, (string?)body["from"]?["id"]);
        Assert.Equal("a:1Zk3personal", (string?)body["conversation"]?["id"]);
        Assert.False(body.ContainsKey("attachments"));
        Assert.False(body.ContainsKey("id") || body.ContainsKey("timestamp") || body.ContainsKey("serviceUrl"));
        Assert.NotNull(Assert.IsType<ConnectorResult.Ok>(result).Id);
    }

    [Fact]
    public async Task Calls_share_one_token_until_it_nears_expiry()
    {
        await _harness.Run(c => c.SendAsync(_harness.Personal, new TextMessage("1"), default));
        await _harness.Run(c => c.SendTypingAsync(_harness.Personal, default));
        _harness.Time.Advance(TimeSpan.FromMinutes(56)); // 3 min 59 s left of 3599 s
        await _harness.Run(c => c.SendAsync(_harness.Personal, new TextMessage("2"), default));

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _harness.Connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, _harness.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task A_card_travels_as_one_adaptive_card_attachment_without_text()
    {
        var card = Card("Trin 3 af 6");

        await _harness.Run(c => c.SendAsync(_harness.Personal, new CardMessage(card) { AlertInActivityFeed = true }, default));

        var body = Assert.Single(_harness.Connector.Requests).Body!.AsObject();
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.True(JsonNode.DeepEquals(card, attachment["content"]));
        Assert.False(body.ContainsKey("text"));
        Assert.True((bool?)body["channelData"]?["notification"]?["alert"]);
    }

    [Fact]
    public async Task A_reply_is_posted_to_the_activity_it_answers_with_replyToId()
    {
        await _harness.Run(c => c.ReplyAsync(_harness.Personal, "1771504120337", new TextMessage("Vurderingen er gemt."), default));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1Zk3personal/activities/1771504120337", request.RawTarget);
        Assert.Equal("1771504120337", (string?)request.Body!["replyToId"]);
    }

    [Fact]
    public async Task An_update_puts_the_complete_new_message_on_the_activity_in_a_channel_thread()
    {
        var thread = new ConversationAddress(_harness.Connector.TeamsServiceUrl, ThreadId, ConnectorHarness.BotId);

        var result = await _harness.Run(c => c.UpdateAsync(thread, "1776390257332", new CardMessage(Card("Godkendt")), default));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/teams/v3/conversations/{EscapedThreadId}/activities/1776390257332", request.RawTarget);
        Assert.Equal(["v3", "conversations", ThreadId, "activities", "1776390257332"], request.Route);
        Assert.Equal("message", (string?)request.Body!["type"]);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("1776390257332", Assert.IsType<ConnectorResult.Ok>(result).Id);
    }

    [Fact]
    public async Task A_delete_has_no_body_and_answers_ok()
    {
        var result = await _harness.Run(c => c.DeleteAsync(_harness.Personal, "1771504120337", default));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1Zk3personal/activities/1771504120337", request.RawTarget);
        Assert.Null(request.Body);
        Assert.Equal(new ConnectorResult.Ok(null), result);
    }

    [Fact]
    public async Task Typing_is_an_activity_of_type_typing_to_the_conversation()
    {
        await _harness.Run(c => c.SendTypingAsync(_harness.Personal, default));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("/teams/v3/conversations/a%3A1Zk3personal/activities", request.RawTarget);
        Assert.Equal("typing", (string?)request.Body!["type"]);
        Assert.Null(request.Body["text"]);
    }

    [Theory]
    [InlineData("29:1Qx9owner")]
    [InlineData("00000000-0000-0000-0000-000000000020")] // the bare Entra object id (aadObjectId)
    public async Task A_personal_chat_is_created_with_one_member_and_the_tenant(string userId)
    {
        var request = new PersonalConversationRequest(_harness.Connector.TeamsServiceUrl, userId, ConnectorHarness.TenantId, BotId: ConnectorHarness.BotId);

        var result = await _harness.Run(c => c.CreatePersonalConversationAsync(request, default));

        var sent = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/teams/v3/conversations", sent.RawTarget);
        var body = sent.Body!.AsObject();
        Assert.False((bool?)body["isGroup"]);
        Assert.Equal(userId, (string?)Assert.Single(body["members"]!.AsArray())!["id"]);
        Assert.Equal(ConnectorHarness.TenantId, (string?)body["tenantId"]);
        Assert.Equal(ConnectorHarness.TenantId, (string?)body["channelData"]?["tenant"]?["id"]);
        Assert.Equal(ConnectorHarness.BotId, (string?)body["bot"]?["id"]);
        Assert.False(body.ContainsKey("activity"));
        Assert.Equal(new ConnectorResult.Ok("a:" + userId), result);
    }

    [Fact]
    public async Task A_personal_chat_can_open_with_a_first_message()
    {
        var request = new PersonalConversationRequest(_harness.Connector.TeamsServiceUrl, "29:1Qx9owner", ConnectorHarness.TenantId, new CardMessage(Card("Din vurdering venter")));

        await _harness.Run(c => c.CreatePersonalConversationAsync(request, default));

        var activity = Assert.Single(_harness.Connector.Requests).Body!["activity"]!;
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)activity["attachments"]?[0]?["contentType"]);
        Assert.Null(activity["conversation"]);
    }

    [Fact]
    public async Task A_channel_post_creates_a_thread_and_answers_its_conversation_id_and_root_activity_id()
    {
        const string channel = "19:c0mm1ttee00000000000000000000000@thread.tacv2";
        var request = new ChannelThreadRequest(_harness.Connector.TeamsServiceUrl, channel, ConnectorHarness.TenantId, new CardMessage(Card("Ny vurdering til udvalget")));

        var result = await _harness.Run(c => c.CreateChannelThreadAsync(request, default));

        var body = Assert.Single(_harness.Connector.Requests).Body!.AsObject();
        Assert.True((bool?)body["isGroup"]);
        Assert.Equal(channel, (string?)body["channelData"]?["channel"]?["id"]);
        Assert.Equal(ConnectorHarness.TenantId, (string?)body["channelData"]?["tenant"]?["id"]);
        Assert.Equal(ConnectorHarness.TenantId, (string?)body["tenantId"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["activity"]?["attachments"]?[0]?["contentType"]);
        var created = Assert.IsType<ConnectorResult.Ok>(result);
        Assert.Equal($"{channel};messageid={created.ActivityId}", created.Id);
        Assert.NotNull(created.ActivityId);
    }

    [Fact]
    public async Task Follow_ups_go_to_the_thread_the_channel_post_created()
    {
        const string channel = "19:c0mm1ttee00000000000000000000000@thread.tacv2";
        var created = Assert.IsType<ConnectorResult.Ok>(await _harness.Run(c => c.CreateChannelThreadAsync(
            new ChannelThreadRequest(_harness.Connector.TeamsServiceUrl, channel, ConnectorHarness.TenantId, new TextMessage("Ny vurdering")), default)));

        await _harness.Run(c => c.SendAsync(new ConversationAddress(_harness.Connector.TeamsServiceUrl, created.Id!), new TextMessage("Opfølgning"), default));

        Assert.Equal(["v3", "conversations", created.Id!, "activities"], _harness.Connector.Requests[1].Route);
    }

    [Fact]
    public async Task The_playground_service_url_without_a_trailing_slash_gets_the_same_routes()
    {
        var playground = new ConversationAddress(_harness.Connector.PlaygroundServiceUrl, "a:1Zk3personal");

        var result = await _harness.Run(c => c.SendAsync(playground, new TextMessage("Hej"), default));

        Assert.Equal("/_connector/v3/conversations/a%3A1Zk3personal/activities", Assert.Single(_harness.Connector.Requests).RawTarget);
        Assert.IsType<ConnectorResult.Ok>(result);
    }

    [Fact]
    public async Task A_mention_is_an_entity_whose_text_occurs_in_the_message_with_the_name_escaped()
    {
        var mette = new OutboundMention("29:1Mette", "Mette Sørensen & Co");
        var message = new TextMessage($"{mette.Text}, der er en ny vurdering.") { Mentions = [mette] };

        await _harness.Run(c => c.SendAsync(_harness.Personal, message, default));

        var body = Assert.Single(_harness.Connector.Requests).Body!;
        var entity = Assert.Single(body["entities"]!.AsArray())!;
        Assert.Equal("mention", (string?)entity["type"]);
        Assert.Equal("<at>Mette Sørensen &amp; Co</at>", (string?)entity["text"]);
        Assert.Contains((string)entity["text"]!, (string)body["text"]!, StringComparison.Ordinal);
        Assert.Equal("29:1Mette", (string?)entity["mentioned"]?["id"]);
        Assert.Equal("Mette Sørensen & Co", (string?)entity["mentioned"]?["name"]);
    }

    [Fact]
    public async Task A_mention_missing_from_the_text_is_refused_instead_of_silently_dropped()
    {
        var message = new TextMessage("Mette, der er en ny vurdering.") { Mentions = [new OutboundMention("29:1Mette", "Mette Sørensen")] };

        var result = await _harness.Run(c => c.SendAsync(_harness.Personal, message, default));

        Assert.Equal(ConnectorFailure.BadRequest, Assert.IsType<ConnectorResult.Final>(result).Kind);
        Assert.Empty(_harness.Connector.Requests);
    }

    private static JsonObject Card(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
    };
}
