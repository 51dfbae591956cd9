using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>The kinds of teams-bot-protocol.md §1.5, from the payloads of §1.6.</summary>
public sealed class ActivityClassifierTests
{
    private static ActivityKind Classify(string file) => ActivityClassifier.Classify(Payloads.Activity(file));

    [Fact]
    public void A_personal_message_is_text()
    {
        var kind = Assert.IsType<ActivityKind.TextMessage>(Classify("personal-message.json"));
        Assert.Equal("start vurdering", kind.Text);
    }

    [Fact]
    public void A_channel_mention_is_text_without_the_bots_mention_and_entities()
    {
        var kind = Assert.IsType<ActivityKind.TextMessage>(Classify("channel-mention.json"));
        Assert.Equal("status", kind.Text);
    }

    [Fact]
    public void Only_the_bots_own_mention_is_removed()
    {
        var json = Payloads.Json("channel-mention.json");
        json["text"] = "<at>Risikovurdering</at> send til <at>Jonas Holm</at> &amp; co";
        json["entities"]!.AsArray().Add(JsonNode.Parse("""{ "type": "mention", "text": "<at>Jonas Holm</at>", "mentioned": { "id": "29:1Rr...member", "name": "Jonas Holm" } }"""));

        var text = BotMention.StripFrom(Payloads.Parse(json).Activity!);

        Assert.Equal("send til <at>Jonas Holm</at> & co", text);
    }

    [Fact]
    public void A_message_with_only_the_mention_is_ignored()
    {
        var json = Payloads.Json("channel-mention.json");
        json["text"] = "<at>Risikovurdering</at>";

        Assert.IsType<ActivityKind.Ignored>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));
    }

    [Fact]
    public void An_Action_Submit_is_a_card_submit_with_its_data()
    {
        var kind = Assert.IsType<ActivityKind.CardSubmit>(Classify("card-submit.json"));
        Assert.Equal("score", kind.Data.GetProperty("verb").GetString());
        Assert.Equal("2", kind.Data.GetProperty("consequence").GetString());
    }

    [Fact]
    public void An_Action_Execute_is_a_card_action_with_verb_data_and_trigger()
    {
        var kind = Assert.IsType<ActivityKind.CardAction>(Classify("card-action-invoke.json"));
        Assert.Equal("score", kind.Verb);
        Assert.Equal("A-2026-014", kind.Data.GetProperty("assessmentId").GetString());
        Assert.Equal(3, kind.Data.GetProperty("step").GetInt32());
        Assert.Equal("manual", kind.Trigger);
    }

    [Fact]
    public void A_card_action_without_a_verb_or_data_still_classifies()
    {
        var json = Payloads.Json("card-action-invoke.json");
        json["value"] = JsonNode.Parse("""{ "action": { "type": "Action.Execute", "id": "" }, "trigger": "automatic" }""");

        var kind = Assert.IsType<ActivityKind.CardAction>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));

        Assert.Null(kind.Verb);
        Assert.Empty(kind.Data.EnumerateObject());
        Assert.Equal("automatic", kind.Trigger);
    }

    [Fact]
    public void Another_invoke_is_unsupported()
    {
        var kind = Assert.IsType<ActivityKind.UnsupportedInvoke>(Classify("task-fetch-invoke.json"));
        Assert.Equal("task/fetch", kind.Name);
    }

    [Theory]
    [InlineData("personal-install-conversation-update.json", ConversationScope.Personal)]
    [InlineData("team-install-conversation-update.json", ConversationScope.Team)]
    public void The_bot_added_to_a_conversation_is_members_added_including_the_bot(string file, ConversationScope scope)
    {
        var kind = Assert.IsType<ActivityKind.MembersAdded>(Classify(file));
        Assert.True(kind.IncludesBot);
        Assert.Equal(scope, kind.Scope);
    }

    [Fact]
    public void A_user_joining_is_members_added_without_the_bot()
    {
        var json = Payloads.Json("team-install-conversation-update.json");
        json["membersAdded"] = JsonNode.Parse("""[ { "id": "29:1New...member", "aadObjectId": "11111111-0000-4000-8000-000000000555" } ]""");

        var kind = Assert.IsType<ActivityKind.MembersAdded>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));

        Assert.False(kind.IncludesBot);
        Assert.Equal("11111111-0000-4000-8000-000000000555", Assert.Single(kind.Members).AadObjectId);
    }

    [Fact]
    public void The_bot_removed_from_a_team_is_members_removed_including_the_bot()
    {
        var kind = Assert.IsType<ActivityKind.MembersRemoved>(Classify("team-bot-removed-conversation-update.json"));
        Assert.True(kind.IncludesBot);
        Assert.Equal(ConversationScope.Team, kind.Scope);
    }

    [Fact]
    public void A_conversation_update_without_members_is_a_conversation_event()
    {
        var json = Payloads.Json("team-install-conversation-update.json");
        json.Remove("membersAdded");
        json["channelData"]!["eventType"] = "channelRenamed";

        var kind = Assert.IsType<ActivityKind.ConversationEvent>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));

        Assert.Equal("channelRenamed", kind.EventType);
    }

    [Theory]
    [InlineData("personal-install-installation-update.json", InstallationAction.Add, ConversationScope.Personal)]
    [InlineData("team-install-installation-update.json", InstallationAction.Add, ConversationScope.Team)]
    [InlineData("team-uninstall-installation-update.json", InstallationAction.Remove, ConversationScope.Team)]
    public void Installation_updates_say_add_or_remove_and_the_scope(string file, InstallationAction action, ConversationScope scope)
    {
        var kind = Assert.IsType<ActivityKind.Installation>(Classify(file));
        Assert.Equal(action, kind.Action);
        Assert.Equal(scope, kind.Scope);
        Assert.False(kind.IsUpgrade);
    }

    [Theory]
    [InlineData("add-upgrade", InstallationAction.Add)]
    [InlineData("remove-upgrade", InstallationAction.Remove)]
    [InlineData("something-new", InstallationAction.Unknown)]
    public void Upgrades_count_as_the_add_or_remove_they_are(string action, InstallationAction expected)
    {
        var json = Payloads.Json("personal-install-installation-update.json");
        json["action"] = action;

        var kind = Assert.IsType<ActivityKind.Installation>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));

        Assert.Equal(expected, kind.Action);
        Assert.Equal(action.EndsWith("-upgrade", StringComparison.Ordinal), kind.IsUpgrade);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("Message")]
    public void Other_types_are_ignored_and_compared_ordinally(string type)
    {
        var json = Payloads.Json("personal-message.json");
        json["type"] = type;

        var kind = Assert.IsType<ActivityKind.Ignored>(ActivityClassifier.Classify(Payloads.Parse(json).Activity!));

        Assert.Equal(type, kind.Type);
    }

    [Theory]
    [InlineData(null, null, ConversationScope.Personal)]
    [InlineData(null, true, ConversationScope.GroupChat)]
    [InlineData("groupChat", true, ConversationScope.GroupChat)]
    [InlineData("channel", true, ConversationScope.Team)]
    [InlineData("personal", null, ConversationScope.Personal)]
    public void A_missing_conversation_type_means_personal_unless_it_is_a_group(string? type, bool? isGroup, ConversationScope expected) =>
        Assert.Equal(expected, ActivityClassifier.ScopeOf(new ConversationAccount { Id = "x", ConversationType = type, IsGroup = isGroup }));
}
