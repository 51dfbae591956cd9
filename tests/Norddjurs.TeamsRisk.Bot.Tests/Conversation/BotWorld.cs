using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Register;
using Norddjurs.TeamsRisk.Workflows.Reviewing;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// The conversation on a real SQLite file with the shipped method, a directory with an owner, a committee member, a
/// coordinator and a stranger, and a round over the continuity-plan template (OMS-01 owned by Alex). Activities are
/// parsed and classified by the protocol layer from Teams-shaped JSON, then handed to the handler as the endpoint would.
/// </summary>
internal sealed class BotWorld : IDisposable
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public const string Committee = "5eed0000-0000-4000-8000-000000000022";
    public const string Coordinator = "5eed0000-0000-4000-8000-000000000024";
    public const string Stranger = "5eed0000-0000-4000-8000-000000000099";
    public const string HomeCare = "OMS-01";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string CommitteeChannel = "19:c0mm1ttee00000000000000000000000@thread.tacv2";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-bot", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _provider;
    private int _activityIds;

    /// <param name="storePath">Another world's SQLite file: a second app instance on the same store.</param>
    /// <param name="aroundStore">What the app's services get instead of the store itself (a store with an instance cache).</param>
    public BotWorld(string? storePath = null, Func<IRiskStore, IRiskStore>? aroundStore = null)
    {
        Directory = new InMemoryDirectory(Tenant);
        Directory.Add(Owner, "alexw@norddjurs.example", "Alex Wilber");
        Directory.Add(Committee, "karen.holm@norddjurs.example", "Karen Holm", null, "g-committee");
        Directory.Add(Coordinator, "pia.skov@norddjurs.example", "Pia Skov", null, "g-coordinator");
        Directory.Add(Stranger, "ukendt@norddjurs.example", "Ukendt");
        Store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = storePath ?? Path.Combine(_folder, "teamsrisk.db") });
        var appStore = aroundStore?.Invoke(Store) ?? Store;
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(appStore);
        services.AddSingleton<IDocumentStore>(appStore);
        services.AddSingleton<IDirectory>(Directory);
        var roles = new RoleResolver(Directory, new RoleGroups("g-committee", "g-coordinator", "g-auditor", "g-directorate"));
        services.AddSingleton(roles);
        services.AddSingleton(new UseCaseServices(appStore, Directory, roles, new KnownMethodVersions(Examples.Method, Examples.Catalogue), Time));
        services.AddSingleton<Visibility>();
        services.AddSingleton<AssessmentQueries>();
        services.AddSingleton<OpenAssessment>();
        services.AddSingleton<SaveStep>();
        services.AddSingleton<MoveStep>();
        services.AddSingleton<SubmitAssessment>();
        services.AddSingleton<ApproveAssessment>();
        services.AddSingleton<Workflows.Deciding.DecideEscalation>();
        services.AddSingleton<ReturnAssessment>();
        services.Configure<TeamsOptions>(o => o.CommitteeChannelId = CommitteeChannel);
        services.AddBotConversation();
        _provider = services.BuildServiceProvider();
    }

    public InMemoryDirectory Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public SqliteRiskStore Store { get; }

    public UseCaseServices Services => _provider.GetRequiredService<UseCaseServices>();

    public IActivityHandler Handler => _provider.GetRequiredService<IActivityHandler>();

    public static CancellationToken Ct => CancellationToken.None;

    /// <summary>Systems imported and a round started; the home-care assessment's id (invited, Alex's).</summary>
    public async Task<string> InvitedAsync()
    {
        var coordinator = new Request(Actor.Of(Tenant, Coordinator), "seed-import", AuditChannel.Api);
        var plans = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ContinuityPlanCsv.Template())
            .Replace("anne.eksempel@norddjurs.dk", "alexw@norddjurs.example", StringComparison.Ordinal));
        Assert.True((await new ImportSystems(Services).ApplyAsync(coordinator, plans, "plans.csv", Ct)).IsDone);
        var round = await new StartRound(Services).HandleAsync(coordinator with { IdempotencyKey = "seed-round" }, new RoundInput("Runde 2026", new DateOnly(2026, 4, 1)), Ct);
        return Assert.IsType<Outcome<RoundStarted>.Done>(round).Value.AssessmentIds.Single(id => id.EndsWith(":" + HomeCare, StringComparison.Ordinal));
    }

    /// <summary>Alex owns <paramref name="count"/> copies of the home-care system (OMS-01 …), all invited in one round.</summary>
    public async Task InvitedToManyAsync(int count)
    {
        var coordinator = new Request(Actor.Of(Tenant, Coordinator), "seed-import-many", AuditChannel.Api);
        var lines = Encoding.UTF8.GetString(ContinuityPlanCsv.Template()).Split('\n');
        var homeCare = lines.Single(l => l.StartsWith(HomeCare + ";", StringComparison.Ordinal)).Replace("anne.eksempel@norddjurs.dk", "alexw@norddjurs.example", StringComparison.Ordinal);
        var rows = Enumerable.Range(1, count).Select(i => $"OMS-{i:00}" + homeCare[HomeCare.Length..]);
        var plans = Encoding.UTF8.GetBytes(string.Join('\n', [lines[0], .. rows]));
        Assert.True((await new ImportSystems(Services).ApplyAsync(coordinator, plans, "plans.csv", Ct)).IsDone);
        var round = await new StartRound(Services).HandleAsync(coordinator with { IdempotencyKey = "seed-round-many" }, new RoundInput("Runde 2026", new DateOnly(2026, 4, 1)), Ct);
        Assert.Equal(count, Assert.IsType<Outcome<RoundStarted>.Done>(round).Value.AssessmentIds.Count);
    }

    public async Task<AssessmentRecord> AssessmentAsync(string id) =>
        (await Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, id, Ct))!.Value;

    /// <summary>A Teams activity in Alex's 1:1 chat (teams-bot-protocol.md §1.6 A), from <paramref name="objectId"/>.</summary>
    public JsonObject Activity(string type, string? objectId = Owner, string? id = null, string locale = "da-DK") => new()
    {
        ["type"] = type,
        ["id"] = id ?? $"f:{++_activityIds}",
        ["timestamp"] = "2026-03-02T08:00:00.000Z",
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = objectId is null ? new JsonObject { ["id"] = "29:anonymous" } : new JsonObject { ["id"] = "29:1" + objectId, ["aadObjectId"] = objectId, ["name"] = "Bruger" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "Risikovurdering" },
        ["conversation"] = new JsonObject { ["id"] = "a:1personal-" + (objectId ?? "anonymous"), ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = locale,
    };

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke on the committee's card in its channel thread (teams-bot-protocol.md §1.6):
    /// channel conversation, team and channel in <c>channelData</c>, <c>replyToId</c> the card's post.
    /// </summary>
    public JsonObject ChannelInvoke(string verb, JsonObject data, string objectId, string? id = null, string trigger = "manual")
    {
        var activity = Invoke(verb, data, objectId, id);
        activity["conversation"] = new JsonObject { ["id"] = CommitteeChannel + ";messageid=1776390257332", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = "19:team0000000000000000000000000000@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = CommitteeChannel },
        };
        activity["replyToId"] = "1776390257332";
        activity["value"]!["trigger"] = trigger;
        return activity;
    }

    public JsonObject Text(string text, string? objectId = Owner, string? id = null)
    {
        var activity = Activity("message", objectId, id);
        activity["text"] = text;
        return activity;
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke as Teams sends it: the action's data with the inputs merged in.</summary>
    public JsonObject Invoke(string verb, JsonObject data, string? objectId = Owner, string? id = null)
    {
        var activity = Activity("invoke", objectId, id);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>Parses, classifies and hands the activity to the handler, as <c>/api/messages</c> does after authentication.</summary>
    public async Task<ActivityResponse> SendAsync(JsonObject json)
    {
        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));
        var activity = parsed.Activity ?? throw new InvalidOperationException($"Not an activity: {parsed.Error} {parsed.Detail}");
        var kind = ActivityClassifier.Classify(activity);
        var caller = new BotCaller("bot-app-id", activity.ServiceUrl, Tenant, "msteams", IsAnonymousDevelopment: false);
        var context = new TurnContext(caller, ConversationReferences.From(activity, kind, caller, Time.GetUtcNow()), $"{activity.Conversation.Id}|{activity.Id}", Time.GetUtcNow());
        return await Handler.HandleAsync(new InboundActivity(activity, kind), context, Ct);
    }

    /// <summary>The card an invoke answered with.</summary>
    public async Task<JsonObject> CardAsync(JsonObject invoke)
    {
        var response = await SendAsync(invoke);
        Assert.Equal(200, response.HttpStatusCode);
        var body = Assert.IsType<InvokeResponse>(response.InvokeBody);
        Assert.Equal(200, body.StatusCode);
        Assert.Equal(InvokeResponse.AdaptiveCardType, body.Type);
        return Assert.IsType<JsonObject>(body.Value);
    }

    /// <summary>Every reply queued in the outbox, in commit order, read from the file.</summary>
    public IReadOnlyList<global::Norddjurs.TeamsRisk.Bot.Outbound.BotReply> Replies()
    {
        using var connection = new SqliteConnection($"Data Source={Store.Path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload_json FROM outbox WHERE kind = 'teams.reply' ORDER BY position;";
        using var reader = command.ExecuteReader();
        var all = new List<global::Norddjurs.TeamsRisk.Bot.Outbound.BotReply>();
        while (reader.Read())
        {
            all.Add(StoreJson.Deserialize<global::Norddjurs.TeamsRisk.Bot.Outbound.BotReply>(reader.GetString(0)));
        }

        return all;
    }

    /// <summary>Every string in the card (texts, titles, values, verbs, data), unescaped, one per line: for "the card says …".</summary>
    public static string TextOf(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => TextOf(p.Value))),
        JsonArray a => string.Join("\n", a.Select(TextOf)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };

    public static JsonObject CardOf(global::Norddjurs.TeamsRisk.Bot.Outbound.BotReply reply) =>
        (JsonObject)reply.Activity["attachments"]![0]!["content"]!;

    public void Dispose()
    {
        _provider.Dispose();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
