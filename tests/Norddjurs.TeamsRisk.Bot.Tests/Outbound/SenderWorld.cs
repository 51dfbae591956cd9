using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>The Teams sender on a real SQLite file, with a recording connector in place of Microsoft's.</summary>
internal sealed class SenderWorld : IDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string CommitteeChannel = "19:c0mm1ttee00000000000000000000000@thread.tacv2";
    public const string CommitteeTeam = "19:team0000000000000000000000000000@thread.tacv2";
    public const string BotId = "28:7d2e5f10-0000-4000-8000-00000000b0b0";

    public static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-sender", Guid.NewGuid().ToString("N"));

    public SenderWorld(TeamsOptions? teams = null)
    {
        Store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = Path.Combine(_folder, "teamsrisk.db") });
        References = new ConversationReferenceStore(Store);
        var options = Options.Create(teams ?? new TeamsOptions { CommitteeTeamId = CommitteeTeam, CommitteeChannelId = CommitteeChannel });
        var roles = new RoleResolver(Directory, new RoleGroups("g-committee", null, null, null));
        var services = new UseCaseServices(Store, Directory, roles, new KnownMethodVersions(Examples.Method, Examples.Catalogue), Time);
        var committee = new CommitteePosts(Connector, References, new CommitteeCards(services, new CommitteeAudience(Store, roles)), new RecordCommitteePost(Store), Time, options);
        Sender = new TeamsOutboxSender(
            new BotReplyDelivery(Connector, References),
            new NotificationDelivery(Connector, References, new NotificationCards(Store), Store, options, committee),
            committee);
    }

    public static CancellationToken Ct => CancellationToken.None;

    public InMemoryDirectory Directory { get; } = new(Tenant);

    public FakeTimeProvider Time { get; } = new(Now);

    public SqliteRiskStore Store { get; }

    public ConversationReferenceStore References { get; }

    public RecordingConnector Connector { get; } = new();

    public TeamsOutboxSender Sender { get; }

    /// <summary>Alex's 1:1 chat with the bot, as the inbound handler saves it.</summary>
    public static ConversationReference Personal(string userObjectId = Alex, string conversationId = "a:1Zk3personal") => new()
    {
        ServiceUrl = ServiceUrl,
        BotChannel = Channels.MsTeams,
        TenantId = Tenant,
        ConversationId = conversationId,
        ConversationType = ConversationTypes.Personal,
        BotId = BotId,
        UserId = "29:1Qx9alex",
        UserAadObjectId = userObjectId,
        LastActivityAt = Now,
        Status = ConversationReferenceStatus.Active,
    };

    /// <summary>A message in a thread of the committee channel.</summary>
    public static ConversationReference Committee() => new()
    {
        ServiceUrl = ServiceUrl,
        BotChannel = Channels.MsTeams,
        TenantId = Tenant,
        ConversationId = CommitteeChannel + ";messageid=1776390257000",
        ConversationType = ConversationTypes.Channel,
        BotId = BotId,
        UserId = "29:karen",
        UserAadObjectId = "00000000-0000-0000-0000-0000000000031",
        TeamId = CommitteeTeam,
        ChannelId = CommitteeChannel,
        LastActivityAt = Now,
        Status = ConversationReferenceStatus.Active,
    };

    public static OutboxRow Row(string kind, string payloadJson, string orderingKey = "user:" + Alex) =>
        new(new OutboxMessage("change-1#0", kind, orderingKey, payloadJson, Now), OutboxStatus.Pending, 0, Now, null, "test", Now.AddMinutes(1), 2);

    public static OutboxRow Notify(Notification notification) =>
        Row(OutboxKinds.TeamsSend, StoreJson.Serialize(notification), notification.To.OrderingKey);

    public static Notification Invited(NotificationTarget to) => new(NotificationTemplates.Invited, to, new Dictionary<string, string>
    {
        ["assessmentId"] = "A-2026-014",
        ["systemId"] = "SYS-OMSORG",
        ["deadline"] = "2027-03-05",
    });

    public static OutboxRow Reply(ConversationReference conversation, string? replyToId)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["locale"] = "da-DK",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["content"] = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() },
            }),
        };
        return Row(OutboxKinds.TeamsReply, StoreJson.Serialize(new BotReply(conversation, activity, replyToId)), "conversation:" + conversation.ConversationId);
    }

    public async Task PreferAsync(string userObjectId, string language)
    {
        var write = DocumentWrite.Create(DocumentKinds.UserPreference, UserPreference.IdOf(userObjectId), StoreJson.Serialize(new UserPreference(Enum.Parse<Core.Language>(language))));
        await Store.CommitAsync(new StoreChange("pref-" + userObjectId, [write], [], [], null), Ct);
    }

    public async Task<ConversationReference?> StoredAsync(string conversationId) =>
        (await Store.LoadAsync<ConversationReference>(DocumentKinds.ConversationReference, ConversationReferenceDocuments.IdOf(conversationId), Ct))?.Value;

    public async Task<long?> VersionAsync(string conversationId) =>
        (await Store.GetAsync(DocumentKinds.ConversationReference, ConversationReferenceDocuments.IdOf(conversationId), Ct))?.Version;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
