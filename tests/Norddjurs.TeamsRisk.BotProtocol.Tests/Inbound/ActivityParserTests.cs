using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>teams-bot-protocol.md §1.6 payloads and the reading rules of §1.7.</summary>
public sealed class ActivityParserTests
{
    [Theory]
    [InlineData("personal-message.json", "message")]
    [InlineData("channel-mention.json", "message")]
    [InlineData("personal-install-conversation-update.json", "conversationUpdate")]
    [InlineData("personal-install-installation-update.json", "installationUpdate")]
    [InlineData("team-install-conversation-update.json", "conversationUpdate")]
    [InlineData("team-install-installation-update.json", "installationUpdate")]
    [InlineData("team-uninstall-installation-update.json", "installationUpdate")]
    [InlineData("team-bot-removed-conversation-update.json", "conversationUpdate")]
    [InlineData("card-submit.json", "message")]
    [InlineData("card-action-invoke.json", "invoke")]
    [InlineData("task-fetch-invoke.json", "invoke")]
    public void Every_Teams_payload_parses_with_its_tenant_and_reply_address(string file, string type)
    {
        var result = Payloads.Parse(Payloads.Text(file));

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(type, result.Activity.Type);
        Assert.Equal(Payloads.ServiceUrl, result.Activity.ServiceUrl);
        Assert.Equal("msteams", result.Activity.ChannelId);
        Assert.Equal(Payloads.TenantId, result.Activity.TenantId);
        Assert.Equal("28:" + Payloads.BotAppId, result.Activity.Recipient?.Id);
    }

    [Fact]
    public void A_personal_message_keeps_user_ids_times_and_entities()
    {
        var activity = Payloads.Activity("personal-message.json");

        Assert.Equal("1771504120337", activity.Id);
        Assert.Equal(new DateTimeOffset(2026, 2, 19, 12, 28, 40, 337, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp?.Offset);
        Assert.Equal("Europe/Copenhagen", activity.LocalTimezone);
        Assert.Equal("29:1Qx9...owner", activity.From?.Id);
        Assert.Equal("Mette Sørensen", activity.From?.Name);
        Assert.Equal("0b6a7c1e-0000-4000-8000-000000000111", activity.From?.AadObjectId);
        Assert.Equal("a:1Zk3...personal", activity.Conversation.Id);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.Null(activity.Conversation.IsGroup);
        Assert.Equal("start vurdering", activity.Text);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("da-DK", activity.Locale);
        Assert.Equal("clientInfo", Assert.Single(activity.Entities!).GetProperty("type").GetString());
    }

    [Fact]
    public void A_team_install_carries_team_graph_id_selected_channel_and_event_type()
    {
        var activity = Payloads.Activity("team-install-installation-update.json");

        Assert.Equal("add", activity.Action);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("Informationssikkerhedsudvalget", activity.Conversation.Name);
        Assert.Equal("19:t3amG3neral000000000000000000000@thread.tacv2", activity.ChannelData?.Team?.Id);
        Assert.Equal("IT-sikkerhed", activity.ChannelData?.Team?.Name);
        Assert.Equal("5a6b7c8d-0000-4000-8000-000000000444", activity.ChannelData?.Team?.AadGroupId);
        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2", activity.ChannelData?.Settings?.SelectedChannel?.Id);
        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2", activity.ChannelData?.Channel?.Id);
        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
        Assert.Equal("message", activity.ChannelData?.Source?.Name);
    }

    [Fact]
    public void A_card_submit_keeps_its_value_as_JSON_and_the_card_message_id()
    {
        var activity = Payloads.Activity("card-submit.json");

        Assert.Equal("1771504999000", activity.ReplyToId);
        Assert.Equal("A-2026-014", activity.Value?.GetProperty("assessmentId").GetString());
        Assert.Equal("3", activity.Value?.GetProperty("likelihood").GetString());
    }

    [Fact]
    public void Unknown_members_are_accepted_and_kept_aside_at_every_level()
    {
        var json = Payloads.Json("channel-mention.json");
        json["someFutureField"] = new JsonObject { ["x"] = 1 };
        json["from"]!["userRole"] = "guest";
        json["conversation"]!["someConversationExtra"] = true;
        json["channelData"]!["meeting"] = new JsonObject { ["id"] = "m1" };

        var activity = Payloads.Parse(json).Activity!;

        Assert.True(activity.AdditionalProperties!.ContainsKey("someFutureField"));
        Assert.Equal("guest", activity.From!.AdditionalProperties!["userRole"].GetString());
        Assert.True(activity.Conversation.AdditionalProperties!["someConversationExtra"].GetBoolean());
        Assert.Equal("m1", activity.ChannelData!.AdditionalProperties!["meeting"].GetProperty("id").GetString());
        Assert.Equal("19:t3amG3neral000000000000000000000@thread.tacv2", activity.ChannelData.AdditionalProperties["teamsTeamId"].GetString());
    }

    [Fact]
    public void Property_names_are_read_case_insensitively()
    {
        const string json = """
            { "Type": "message", "SERVICEURL": "https://smba.trafficmanager.net/emea/", "channelid": "msteams",
              "Conversation": { "ID": "a:1", "TenantId": "t1" }, "TEXT": "hej" }
            """;

        var result = Payloads.Parse(json);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("message", result.Activity.Type);
        Assert.Equal("a:1", result.Activity.Conversation.Id);
        Assert.Equal("t1", result.Activity.TenantId);
        Assert.Equal("hej", result.Activity.Text);
    }

    [Fact]
    public void Ids_are_opaque_strings_whatever_they_look_like()
    {
        var json = Payloads.Json("personal-message.json");
        json["from"]!["id"] = "user-id-0";
        json["recipient"]!["id"] = "bot";
        json["conversation"]!["id"] = "personal-chat-id";

        var activity = Payloads.Parse(json).Activity!;

        Assert.Equal("user-id-0", activity.From?.Id);
        Assert.Equal("bot", activity.Recipient?.Id);
        Assert.Equal("personal-chat-id", activity.Conversation.Id);
    }

    [Fact]
    public void An_unknown_activity_type_still_parses()
    {
        var json = Payloads.Json("personal-message.json");
        json["type"] = "typing";

        Assert.Equal("typing", Payloads.Parse(json).Activity?.Type);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("serviceUrl")]
    [InlineData("channelId")]
    [InlineData("conversation")]
    public void A_missing_required_field_is_a_typed_failure(string field)
    {
        var json = Payloads.Json("personal-message.json");
        json.Remove(field);

        var result = Payloads.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Equal(ActivityParseError.MissingRequiredField, result.Error);
        Assert.Contains(field, result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": ""}""")]
    [InlineData("""{"id": null}""")]
    [InlineData("""{"tenantId": "t"}""")]
    public void A_conversation_without_an_id_is_a_missing_field(string conversation)
    {
        var json = Payloads.Json("personal-message.json");
        json["conversation"] = JsonNode.Parse(conversation);

        var result = Payloads.Parse(json);

        Assert.Equal(ActivityParseError.MissingRequiredField, result.Error);
        Assert.Contains("conversation.id", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_type_is_missing()
    {
        var json = Payloads.Json("personal-message.json");
        json["type"] = "  ";

        Assert.Equal(ActivityParseError.MissingRequiredField, Payloads.Parse(json).Error);
    }

    [Theory]
    [InlineData("type", "42")]
    [InlineData("from", "\"29:someone\"")]
    [InlineData("conversation", "[]")]
    [InlineData("entities", "{}")]
    [InlineData("membersAdded", "\"28:bot\"")]
    [InlineData("timestamp", "\"yesterday\"")]
    [InlineData("channelData", "\"tenant\"")]
    public void A_field_of_the_wrong_type_is_a_typed_failure(string field, string value)
    {
        var json = Payloads.Json("personal-message.json");
        json[field] = JsonNode.Parse(value);

        var result = Payloads.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Error, new ActivityParseError?[] { ActivityParseError.WrongFieldType, ActivityParseError.MissingRequiredField });
    }

    [Fact]
    public void A_wrongly_typed_nested_field_names_its_path()
    {
        var json = Payloads.Json("personal-message.json");
        json["conversation"]!["isGroup"] = "yes";

        var result = Payloads.Parse(json);

        Assert.Equal(ActivityParseError.WrongFieldType, result.Error);
        Assert.Contains("isGroup", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\": \"message\",")]
    [InlineData("{\"type\": 'message'}")]
    public void Malformed_JSON_is_a_typed_failure(string body) =>
        Assert.Equal(ActivityParseError.MalformedJson, Payloads.Parse(body).Error);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("null")]
    [InlineData("17")]
    public void A_root_that_is_not_an_object_is_a_typed_failure(string body) =>
        Assert.Equal(ActivityParseError.NotAnObject, Payloads.Parse(body).Error);

    [Fact]
    public void An_empty_body_is_a_typed_failure() =>
        Assert.Equal(ActivityParseError.EmptyBody, ActivityParser.Parse(ReadOnlyMemory<byte>.Empty).Error);

    [Theory]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("ftp://smba.trafficmanager.net/emea/")]
    [InlineData("/relative/")]
    public void A_service_url_that_is_not_absolute_http_is_refused(string serviceUrl)
    {
        var json = Payloads.Json("personal-message.json");
        json["serviceUrl"] = serviceUrl;

        Assert.Equal(ActivityParseError.InvalidServiceUrl, Payloads.Parse(json).Error);
    }

    [Fact]
    public void The_same_member_twice_is_refused_rather_than_guessed()
    {
        var text = Payloads.Text("personal-message.json").Replace(
            "\"channelId\": \"msteams\",", "\"channelId\": \"msteams\", \"ServiceUrl\": \"https://attacker.example/\",", StringComparison.Ordinal);

        Assert.False(Payloads.Parse(text).Succeeded);
    }

    [Fact]
    public void A_body_over_the_limit_is_refused_before_parsing()
    {
        var oversized = new byte[InboundLimits.MaxActivityBytes + 1];
        oversized.AsSpan().Fill((byte)'x'); // not JSON: were it parsed, the error would be MalformedJson

        Assert.Equal(ActivityParseError.TooLarge, ActivityParser.Parse(oversized).Error);
    }

    [Fact]
    public void A_body_just_under_the_limit_parses()
    {
        var json = Payloads.Json("personal-message.json");
        var padding = InboundLimits.MaxActivityBytes - Encoding.UTF8.GetByteCount(json.ToJsonString()) - 20;
        json["padding"] = new string('p', padding);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());

        Assert.True(bytes.Length <= InboundLimits.MaxActivityBytes);
        Assert.True(ActivityParser.Parse(bytes).Succeeded);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_malformed()
    {
        var deep = new StringBuilder("{\"type\":\"message\",\"value\":");
        deep.Insert(deep.Length, "[", InboundLimits.MaxJsonDepth + 1).Append(']', InboundLimits.MaxJsonDepth + 1).Append('}');

        Assert.Equal(ActivityParseError.MalformedJson, Payloads.Parse(deep.ToString()).Error);
    }

    [Fact]
    public void A_JSON_null_value_is_no_value()
    {
        var json = Payloads.Json("personal-message.json");
        json["value"] = null;

        var activity = Payloads.Parse(json).Activity!;

        Assert.Null(activity.Value);
        Assert.Equal(JsonValueKind.Undefined, activity.Value.GetValueOrDefault().ValueKind);
    }
}
