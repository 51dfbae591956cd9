using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>The reference of teams-bot-protocol.md §5.2, built from each kind of activity.</summary>
public sealed class ConversationReferenceTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 2, 19, 12, 30, 0, TimeSpan.Zero);

    private static ConversationReference ReferenceFor(string file)
    {
        var activity = Payloads.Activity(file);
        var caller = new BotCaller(Payloads.BotAppId, activity.ServiceUrl, Payloads.TenantId, "msteams", IsAnonymousDevelopment: false);
        return ConversationReferences.From(activity, ActivityClassifier.Classify(activity), caller, ReceivedAt);
    }

    [Fact]
    public void A_personal_install_gives_the_user_reference()
    {
        var reference = ReferenceFor("personal-install-installation-update.json");

        Assert.Equal(Payloads.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("msteams", reference.BotChannel);
        Assert.Equal(Payloads.TenantId, reference.TenantId);
        Assert.Equal("a:1Zk3...personal", reference.ConversationId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal("28:" + Payloads.BotAppId, reference.BotId);
        Assert.Equal("29:1Qx9...owner", reference.UserId);
        Assert.Equal("0b6a7c1e-0000-4000-8000-000000000111", reference.UserAadObjectId);
        Assert.Null(reference.ChannelId);
        Assert.Equal(ReceivedAt, reference.LastActivityAt);
        Assert.Equal(ConversationReferenceStatus.Active, reference.Status);
    }

    [Fact]
    public void A_team_install_gives_the_channel_and_both_team_ids()
    {
        var reference = ReferenceFor("team-install-conversation-update.json");

        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2", reference.ChannelId);
        Assert.Equal("19:t3amG3neral000000000000000000000@thread.tacv2", reference.TeamId);
        Assert.Equal("5a6b7c8d-0000-4000-8000-000000000444", reference.TeamAadGroupId);
    }

    [Fact]
    public void A_channel_thread_keeps_its_suffix_for_replies_and_the_bare_channel_id()
    {
        var reference = ReferenceFor("channel-mention.json");

        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2;messageid=1771500000000", reference.ConversationId);
        Assert.Equal("19:c0mm1ttee00000000000000000000000@thread.tacv2", reference.ChannelId);
    }

    [Theory]
    [InlineData("team-uninstall-installation-update.json")]
    [InlineData("team-bot-removed-conversation-update.json")]
    public void Uninstalling_or_removing_the_bot_marks_the_reference_uninstalled(string file) =>
        Assert.Equal(ConversationReferenceStatus.Uninstalled, ReferenceFor(file).Status);
}
