using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>The JSON form of an entry: camelCase names of risk-method.md §5, absent rather than null.</summary>
internal static class AuditJson
{
    public const string HashField = "hash";

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly Dictionary<string, AuditAction> Actions =
        Enum.GetValues<AuditAction>().ToDictionary(a => a.ToString(), StringComparer.Ordinal);

    private static readonly Dictionary<string, AuditChannel> Channels = new(StringComparer.Ordinal)
    {
        ["bot"] = AuditChannel.Bot,
        ["tab"] = AuditChannel.Tab,
        ["api"] = AuditChannel.Api,
        ["scheduler"] = AuditChannel.Scheduler,
    };

    public static string ChannelName(AuditChannel channel) => Channels.First(c => c.Value == channel).Key;

    public static bool IsKnown(AuditChannel channel) => Channels.ContainsValue(channel);

    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>UTC to the millisecond, so the sealed entry equals what its JSON says.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static DomainError Malformed(int line, long? seq, string field) =>
        DomainError.Of(AuditErrorCodes.Malformed, ("line", line), ("seq", seq?.ToString(CultureInfo.InvariantCulture) ?? "?"), ("field", field));

    public static JsonObject WithoutHash(AuditIntent intent, long seq, string prevHash, DateTimeOffset recordedAt)
    {
        var json = new JsonObject
        {
            ["entryId"] = intent.EntryId,
            ["seq"] = seq,
            ["prevHash"] = prevHash,
            ["occurredAt"] = Timestamp(intent.OccurredAt),
            ["recordedAt"] = Timestamp(recordedAt),
            ["actor"] = Actor(intent.Actor),
            ["channel"] = ChannelName(intent.Channel),
            ["correlationId"] = intent.CorrelationId,
            ["action"] = intent.Action.ToString(),
            ["subject"] = Subject(intent.Subject),
        };
        Add(json, "context", intent.Context is null ? null : Context(intent.Context));
        Add(json, "inputs", intent.Inputs?.DeepClone());
        Add(json, "computed", intent.Computed?.DeepClone());
        Add(json, "decision", intent.Decision?.DeepClone());
        Add(json, "measures", intent.Measures?.DeepClone());
        Add(json, "before", intent.Before?.DeepClone());
        Add(json, "after", intent.After?.DeepClone());
        return json;
    }

    public static Result<AuditEntry> Read(JsonObject json, int line)
    {
        var r = new JsonReader(json, string.Empty);
        var seq = r.Long("seq");
        var prevHash = r.Hash("prevHash");
        var hash = r.Hash(HashField);
        var entryId = r.Text("entryId");
        var occurredAt = r.Timestamp("occurredAt");
        var recordedAt = r.Timestamp("recordedAt");
        var actor = ReadActor(r.Object("actor"));
        var channel = r.OneOf("channel", Channels);
        var correlationId = r.Text("correlationId");
        var action = r.OneOf("action", Actions);
        var subject = ReadSubject(r.Object("subject"));
        var context = r.OptionalObject("context") is { } c ? ReadContext(c) : null;
        if (r.Problem is not null)
        {
            return Malformed(line, r.Problem == "seq" ? null : seq, r.Problem);
        }

        var intent = new AuditIntent(entryId, occurredAt, actor, channel, correlationId, action, subject)
        {
            Context = context,
            Inputs = json["inputs"]?.DeepClone(),
            Computed = json["computed"]?.DeepClone(),
            Decision = json["decision"]?.DeepClone(),
            Measures = json["measures"]?.DeepClone(),
            Before = json["before"]?.DeepClone(),
            After = json["after"]?.DeepClone(),
        };
        return new AuditEntry(intent, seq, prevHash, recordedAt, hash);
    }

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static JsonObject Actor(AuditActor actor)
    {
        var json = new JsonObject
        {
            ["objectId"] = actor.ObjectId,
            ["upn"] = actor.Upn,
            ["displayName"] = actor.DisplayName,
            ["roles"] = new JsonArray([.. actor.Roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
        };
        Add(json, "onBehalfOf", actor.OnBehalfOf);
        return json;
    }

    private static JsonObject Subject(AuditSubject subject)
    {
        var json = new JsonObject { ["type"] = subject.Type, ["id"] = subject.Id };
        Add(json, "version", subject.Version);
        return json;
    }

    private static JsonObject Context(AuditContext context)
    {
        var json = new JsonObject();
        Add(json, "roundId", context.RoundId);
        Add(json, "assessmentId", context.AssessmentId);
        Add(json, "systemId", context.SystemId);
        Add(json, "systemRecordVersion", context.SystemRecordVersion);
        Add(json, "continuityPlanRef", context.ContinuityPlanRef);
        Add(json, "continuityPlanDate", context.ContinuityPlanDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(json, "methodId", context.MethodId);
        Add(json, "methodVersion", context.MethodVersion);
        Add(json, "methodSha256", context.MethodSha256);
        Add(json, "catalogId", context.CatalogId);
        Add(json, "catalogVersion", context.CatalogVersion);
        Add(json, "catalogSha256", context.CatalogSha256);
        return json;
    }

    private static AuditActor ReadActor(JsonReader r) =>
        new(r.Text("objectId"), r.Text("upn"), r.Text("displayName"), r.Texts("roles"), r.OptionalText("onBehalfOf"));

    private static AuditSubject ReadSubject(JsonReader r) => new(r.Text("type"), r.Text("id"), r.OptionalText("version"));

    private static AuditContext ReadContext(JsonReader r) => new()
    {
        RoundId = r.OptionalText("roundId"),
        AssessmentId = r.OptionalText("assessmentId"),
        SystemId = r.OptionalText("systemId"),
        SystemRecordVersion = r.OptionalLong("systemRecordVersion"),
        ContinuityPlanRef = r.OptionalText("continuityPlanRef"),
        ContinuityPlanDate = r.OptionalDate("continuityPlanDate"),
        MethodId = r.OptionalText("methodId"),
        MethodVersion = r.OptionalText("methodVersion"),
        MethodSha256 = r.OptionalText("methodSha256"),
        CatalogId = r.OptionalText("catalogId"),
        CatalogVersion = r.OptionalText("catalogVersion"),
        CatalogSha256 = r.OptionalText("catalogSha256"),
    };
}
