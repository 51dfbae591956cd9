using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Norddjurs.TeamsRisk.Bot.Committee;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.Bot.Tests.Conversation;
using Norddjurs.TeamsRisk.Bot.Tests.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Testing.Cards;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Committee;

/// <summary>
/// A submitted assessment (Alex's, through the cards), the committee channel known to the bot, and the Teams sender on the
/// same store with a recording connector, so a test can deliver the outbox's rows and see the posts and PUTs.
/// </summary>
internal sealed class CommitteeWorld : IDisposable
{
    private CommitteeWorld(BotWorld bot, string assessmentId)
    {
        Bot = bot;
        AssessmentId = assessmentId;
        var services = bot.Services;
        var options = Options.Create(new TeamsOptions { CommitteeChannelId = BotWorld.CommitteeChannel });
        var references = new ConversationReferenceStore(bot.Store);
        var posts = new CommitteePosts(Connector, references, new CommitteeCards(services, new CommitteeAudience(bot.Store, services.Roles)),
            new RecordCommitteePost(bot.Store), bot.Time, options);
        Sender = new TeamsOutboxSender(
            new BotReplyDelivery(Connector, references),
            new NotificationDelivery(Connector, references, new NotificationCards(bot.Store, new Bot.Escalation.EscalationCards(services)), bot.Store, options, posts,
                new RoleRecipients(bot.Store, services.Roles)),
            posts);
    }

    public BotWorld Bot { get; }

    public string AssessmentId { get; }

    public RecordingConnector Connector { get; } = new();

    public TeamsOutboxSender Sender { get; }

    /// <summary>Alex has walked and submitted the home-care assessment; the committee channel's reference is stored.</summary>
    public static async Task<CommitteeWorld> SubmittedAsync(bool reduce = false)
    {
        var bot = new BotWorld();
        var id = await bot.InvitedAsync();
        var owner = new CardSession(bot);
        await OwnerWalk.ToSummaryAsync(owner, id, reduce);
        await owner.PressAsync(CardVerbs.Submit);
        await new ConversationReferenceStore(bot.Store).SaveAsync(ChannelReference(bot), BotWorld.Ct);
        return new CommitteeWorld(bot, id);
    }

    /// <summary>
    /// Hands every row of <paramref name="kind"/> not handed yet to the sender, in commit order, and says what each answered.
    /// The dispatcher's claiming and ordering are its own tests' business; here only the sender's work is seen.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(string kind)
    {
        var results = new List<DeliveryResult>();
        foreach (var message in Rows(kind).Where(m => _delivered.Add(m.Id)))
        {
            var row = new OutboxRow(message, OutboxStatus.Pending, 0, message.CreatedAt, null, "test", null, 1);
            results.Add(await Sender.SendAsync(row, BotWorld.Ct));
        }

        return results;
    }

    /// <summary>Every notification of <paramref name="kind"/> the changes so far wrote, delivered or not.</summary>
    public IReadOnlyList<Notification> Outbox(string kind) => [.. Rows(kind).Select(m => StoreJson.Deserialize<Notification>(m.PayloadJson))];

    private List<OutboxMessage> Rows(string kind)
    {
        using var connection = new SqliteConnection($"Data Source={Bot.Store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, ordering_key, payload_json FROM outbox WHERE kind = $kind ORDER BY position;";
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxMessage>();
        while (reader.Read())
        {
            rows.Add(new OutboxMessage(reader.GetString(0), kind, reader.GetString(1), reader.GetString(2), Bot.Time.GetUtcNow()));
        }

        return rows;
    }

    /// <summary>The card <paramref name="objectId"/> gets when the channel shows the committee's card (refresh, or the button).</summary>
    public Task<JsonObject> ViewAsync(string objectId, string trigger = "automatic") =>
        Bot.CardAsync(Bot.ChannelInvoke(CardVerbs.CommitteeView, new JsonObject { ["verb"] = CardVerbs.CommitteeView, ["assessmentId"] = AssessmentId }, objectId, trigger: trigger));

    /// <summary>The invoke pressing <paramref name="verb"/> on <paramref name="card"/> sends, after <paramref name="edit"/> typed into its inputs.</summary>
    public JsonObject Press(JsonObject card, string verb, string objectId, Action<Dictionary<string, string>>? edit = null, string? activityId = null)
    {
        var data = CardSession.Actions(card, verb).FirstOrDefault()
            ?? throw new InvalidOperationException($"The card has no '{verb}' button:\n{BotWorld.TextOf(card)}");
        var inputs = CardInputs.Defaults(card);
        edit?.Invoke(inputs);
        return Bot.ChannelInvoke(verb, CardActions.Merge(data, inputs), objectId, activityId);
    }

    public void Dispose() => Bot.Dispose();

    private readonly HashSet<string> _delivered = new(StringComparer.Ordinal);

    private static ConversationReference ChannelReference(BotWorld bot) => new()
    {
        ServiceUrl = BotWorld.ServiceUrl,
        BotChannel = "msteams",
        TenantId = BotWorld.Tenant,
        ConversationId = BotWorld.CommitteeChannel,
        ConversationType = ConversationTypes.Channel,
        BotId = "28:bot-app-id",
        TeamId = "19:team0000000000000000000000000000@thread.tacv2",
        ChannelId = BotWorld.CommitteeChannel,
        LastActivityAt = bot.Time.GetUtcNow(),
        Status = ConversationReferenceStatus.Active,
    };
}
