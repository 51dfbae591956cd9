using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// The one place that knows the Agents Playground's internal routes (0.2.28, read from its package; unversioned, so
/// pinned — teams-bot-protocol.md §6.7). It acts as the Playground's web client does, as its current user in the
/// personal chat: install the bot, send a text, press an <c>Action.Execute</c> (the invoke's answer is returned),
/// press an <c>Action.Submit</c>; and it receives what the bot posts to the chat, pushed over the client's websocket.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<BotMessage> _pushed = Channel.CreateUnbounded<BotMessage>();
    private readonly Channel<BotMessage> _logged = Channel.CreateUnbounded<BotMessage>();
    private readonly ClientWebSocket _logSocket = new();
    private readonly StringBuilder _transcript = new();
    private readonly Lock _gate = new();
    private Task _receiving = Task.CompletedTask;
    private Task _receivingLog = Task.CompletedTask;

    private PlaygroundClient(HttpClient http, ClientWebSocket socket, string conversationId, string userId, string botId)
    {
        _http = http;
        _socket = socket;
        ConversationId = conversationId;
        UserId = userId;
        BotId = botId;
    }

    /// <summary>The personal chat of the Playground's current user with the bot.</summary>
    public string ConversationId { get; }

    /// <summary>The current user's channel id (<c>user-id-0</c>, not a GUID).</summary>
    public string UserId { get; }

    public string BotId { get; }

    /// <summary>What was sent and received, for the test log.</summary>
    public string Transcript
    {
        get
        {
            lock (_gate)
            {
                return _transcript.ToString();
            }
        }
    }

    /// <summary>Reads the Playground's config (chat, user, bot) and opens the websocket its web client listens on.</summary>
    public static async Task<PlaygroundClient> ConnectAsync(Uri playground, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playground);
        var http = new HttpClient { BaseAddress = playground, Timeout = TimeSpan.FromSeconds(30) };
        // GET /_internal/v1/config: {config: {currentUser, bot, personalChat, ...}}. The Playground answers it once it
        // has reached the app's endpoint (it waits up to 15 s).
        var config = (await http.GetFromJsonAsync<JsonObject>("_internal/v1/config", cancellationToken).ConfigureAwait(false))?["config"]
            ?? throw new InvalidOperationException("The Playground's /_internal/v1/config has no config.");
        var socket = new ClientWebSocket();
        var client = new PlaygroundClient(
            http,
            socket,
            Text(config["personalChat"]?["id"]),
            Text(config["currentUser"]?["id"]),
            Text(config["bot"]?["id"]));
        var stream = new UriBuilder(playground) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        await socket.ConnectAsync(stream, cancellationToken).ConfigureAwait(false);
        client._receiving = Task.Run(() => client.ReceiveAsync(socket, client.Accept, client._pushed.Writer), CancellationToken.None);

        // The chat stream carries only the current user's conversations and channels; the log stream carries every
        // activity, so a bot's post in another user's 1:1 chat is read there (WaitForLoggedMessageAsync).
        var log = new UriBuilder(playground) { Scheme = "ws", Path = "/_ws/log/stream" }.Uri;
        await client._logSocket.ConnectAsync(log, cancellationToken).ConfigureAwait(false);
        client._receivingLog = Task.Run(() => client.ReceiveAsync(client._logSocket, client.AcceptLogged, client._logged.Writer), CancellationToken.None);
        return client;
    }

    /// <summary>
    /// Installs the bot in the personal chat (or in <c>conversationId</c>, e.g. a team channel), as opening the chat in the Playground does: it sends the bot an
    /// <c>installationUpdate</c> (action add) and a <c>conversationUpdate</c> with the user and the bot in <c>membersAdded</c>.
    /// </summary>
    public async Task InstallAsync(CancellationToken cancellationToken, string? conversationId = null)
    {
        conversationId ??= ConversationId;
        Log($"→ install in {conversationId}");
        using var response = await _http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "installation", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a 1:1 chat between the bot and another of the config's users (<c>user-id-1</c>), through the Playground's
    /// connector route <c>POST /_connector/v3/conversations</c> — the call a bot makes to start a personal chat. The Playground can
    /// install the app only for its current user, so this is how another person gets a chat within one run.
    /// </summary>
    public async Task<PlaygroundSeat> OpenPersonalChatAsync(string userId, CancellationToken cancellationToken)
    {
        Log($"→ personal chat for {userId}");
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = BotId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        };
        using var response = await _http.PostAsJsonAsync("_connector/v3/conversations", body, cancellationToken).ConfigureAwait(false);
        var answer = await EnsureAsync(response, "create conversation", cancellationToken).ConfigureAwait(false);
        return new PlaygroundSeat(userId, Text(answer?["id"]));
    }

    /// <summary>
    /// Installs the app for another user in their chat (<see cref="OpenPersonalChatAsync"/>), as Teams does when the app is
    /// installed for them: the Playground's own installation always comes from its current user, so this sends the bot the
    /// Playground's templates of <c>installationUpdate</c> (add) and <c>conversationUpdate</c> (the bot added) through its
    /// custom-activity route <c>/_internal/v1/customActivities</c>, with <c>from</c> set to that user.
    /// </summary>
    public async Task InstallForAsync(PlaygroundSeat seat, string name, string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seat);
        // The template types the Playground names "install" (installationUpdate, add) and "botAdded" (conversationUpdate).
        foreach (var type in new[] { "install", "botAdded" })
        {
            var template = await _http.GetFromJsonAsync<JsonObject>(
                $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(seat.ConversationId)}&type={type}", cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The Playground has no {type} template.");
            template["from"] = new JsonObject { ["id"] = seat.UserId, ["name"] = name, ["aadObjectId"] = aadObjectId };
            Log($"→ custom {type} as {seat.UserId} in {seat.ConversationId}: {template.ToJsonString()}");
            using var response = await _http.PostAsJsonAsync("_internal/v1/customActivities", template, cancellationToken).ConfigureAwait(false);
            await EnsureAsync(response, type, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a plain-text message from the user (or as <paramref name="seat"/>); returns the id the Playground gave it.</summary>
    public async Task<string> SendTextAsync(string text, CancellationToken cancellationToken, PlaygroundSeat? seat = null)
    {
        Log($"→ text \"{text}\"{(seat is null ? "" : $" as {seat.UserId} in {seat.ConversationId}")}");
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = seat?.UserId ?? UserId }, ["text"] = text, ["textFormat"] = "plain" };
        using var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(seat?.ConversationId ?? ConversationId)}/messages", body, cancellationToken).ConfigureAwait(false);
        var answer = await EnsureAsync(response, "message", cancellationToken).ConfigureAwait(false);
        return Text(answer?["messageId"]);
    }

    /// <summary>
    /// Presses an <c>Action.Execute</c> on the bot's message <paramref name="replyToId"/>: the Playground sends the bot an
    /// <c>invoke</c> <c>adaptiveCard/action</c> with <c>value.action = {type, verb, data}</c>, where <paramref name="data"/> is
    /// the action's data with the card's inputs merged in, as a renderer sends it. The answer is the bot's invoke
    /// response; when it is a card, the Playground also puts it in place of the message's card (so the chat holds one
    /// card that moves forward and the next press uses the same <paramref name="replyToId"/>).
    /// </summary>
    public async Task<InvokeAnswer> InvokeAsync(string replyToId, string verb, JsonObject data, CancellationToken cancellationToken, PlaygroundSeat? seat = null)
    {
        Log($"→ invoke {verb} on {replyToId}{(seat is null ? "" : $" as {seat.UserId} in {seat.ConversationId}")}: {data.ToJsonString()}");
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } },
            ["from"] = new JsonObject { ["id"] = seat?.UserId ?? UserId },
            ["conversation"] = new JsonObject { ["id"] = seat?.ConversationId ?? ConversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body, cancellationToken).ConfigureAwait(false);
        var answer = await EnsureAsync(response, "invoke", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The invoke answered with no body.");
        return new InvokeAnswer(Text(answer["type"]), answer["value"]?.DeepClone());
    }

    /// <summary>Presses an <c>Action.Execute</c> and returns the card the bot answered with (fails on any other answer).</summary>
    public async Task<JsonObject> InvokeForCardAsync(string replyToId, string verb, JsonObject data, CancellationToken cancellationToken, PlaygroundSeat? seat = null) =>
        (await InvokeAsync(replyToId, verb, data, cancellationToken, seat).ConfigureAwait(false)).Card;

    /// <summary>Presses an <c>Action.Submit</c> (the fallback path): the bot receives a <c>message</c> with <c>value</c> and <c>replyToId</c>.</summary>
    public async Task SubmitAsync(string replyToId, JsonObject value, CancellationToken cancellationToken)
    {
        Log($"→ submit on {replyToId}: {value.ToJsonString()}");
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = ConversationId },
            ["from"] = new JsonObject { ["id"] = UserId },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/submit", body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "submit", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message the bot posted or updated in a chat, in the order the Playground pushed them.</summary>
    public async Task<BotMessage> NextMessageAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(timeout);
        try
        {
            return await _pushed.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot posted nothing to the Playground within {timeout.TotalSeconds:0} s.");
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException("The Playground's websocket closed.", e);
        }
    }

    /// <summary>
    /// The next message with one card that <paramref name="matches"/>; messages before it are passed over (they stay in
    /// the transcript): the bot may post other cards meanwhile, e.g. an invitation.
    /// </summary>
    public Task<BotMessage> WaitForMessageAsync(Func<JsonObject, bool> matches, TimeSpan timeout) =>
        WaitForMessageAsync(null, matches, timeout);

    /// <summary>As <see cref="WaitForMessageAsync(Func{JsonObject, bool}, TimeSpan)"/>, in one conversation only (when not null).</summary>
    public async Task<BotMessage> WaitForMessageAsync(string? conversationId, Func<JsonObject, bool> matches, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var message = await NextMessageAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
            if (message.Cards.Count == 1 && (conversationId is null || message.ConversationId == conversationId) && matches(message.Cards[0]))
            {
                return message;
            }

            Log($"  (passed over message {message.MessageId})");
        }
    }

    /// <summary>The card of <see cref="WaitForMessageAsync"/>.</summary>
    public async Task<JsonObject> WaitForCardAsync(Func<JsonObject, bool> matches, TimeSpan timeout) =>
        (await WaitForMessageAsync(matches, timeout).ConfigureAwait(false)).Card;

    /// <summary>
    /// The next message the bot posted in <paramref name="conversationId"/> with one card that <paramref name="matches"/>,
    /// read from the Playground's log stream: for another user's 1:1 chat, which the chat stream does not carry.
    /// </summary>
    public async Task<BotMessage> WaitForLoggedMessageAsync(string conversationId, Func<JsonObject, bool> matches, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(matches);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var message = await _logged.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                if (message.ConversationId == conversationId && message.Cards.Count == 1 && matches(message.Cards[0]))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot posted no such card in {conversationId} within {timeout.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_receiving, _receivingLog).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _logSocket.Dispose();
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync(ClientWebSocket socket, Action<string> accept, ChannelWriter<BotMessage> writer)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                frame.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    accept(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                    frame.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            Log($"websocket ended: {e.GetType().Name}");
        }
        finally
        {
            writer.TryComplete();
        }
    }

    // Logged: {logAction: "appendLog", log: {conversationId, activityName: "message", messageId, from: "User Application",
    // request: {body: {attachments: [...]}}}}: what the bot sent, in any conversation.
    private void AcceptLogged(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject push || push["log"] is not JsonObject log
            || Text(log["activityName"]) != "message" || Text(log["from"]) != "User Application" || log["request"]?["body"] is not JsonObject body)
        {
            return;
        }

        var cards = (body["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => Text(a["contentType"]) == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"] as JsonObject)
            .OfType<JsonObject>()
            .Select(c => (JsonObject)c.DeepClone())
            .ToArray();
        var logged = new BotMessage("createMessage", Text(log["conversationId"]), Text(log["messageId"]), null, cards);
        Log($"← logged {logged.MessageId} in {logged.ConversationId} ({cards.Length} card)");
        _logged.Writer.TryWrite(logged);
    }

    // Pushed: {action: "createMessage"|"updateMessage"|"typing", actionConversationId, message: {messageId, from: {id},
    // text, textFormat, attachments: [{contentType, content}], ...}}. Only the bot's messages count; typing is skipped.
    private void Accept(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject push || push["message"] is not JsonObject message)
        {
            return;
        }

        var action = Text(push["action"]);
        if (action is not ("createMessage" or "updateMessage") || Text(message["from"]?["id"]) != BotId)
        {
            return;
        }

        var cards = (message["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => Text(a["contentType"]) == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"] as JsonObject)
            .OfType<JsonObject>()
            .Select(c => (JsonObject)c.DeepClone())
            .ToArray();
        var pushed = new BotMessage(action, Text(push["actionConversationId"]), Text(message["messageId"]), message["text"]?.GetValue<string>(), cards);
        Log($"← {action} {pushed.MessageId} in {pushed.ConversationId}: {json}");
        _pushed.Writer.TryWrite(pushed);
    }

    private async Task<JsonObject?> EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Log($"  {what}: {(int)response.StatusCode} {text}");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The Playground answered the {what} with {(int)response.StatusCode}: {text}");
        }

        return text.Length > 0 && JsonNode.Parse(text) is JsonObject body ? body : null;
    }

    private void Log(string line)
    {
        lock (_gate)
        {
            _transcript.Append(DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(line);
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
}

/// <summary>Another of the config file's users (<c>user-id-2</c>) in another conversation (a channel thread), for an invoke.</summary>
public sealed record PlaygroundSeat(string UserId, string ConversationId);

/// <summary>A message the bot posted (<c>createMessage</c>) or updated (<c>updateMessage</c>), as the Playground pushed it.</summary>
public sealed record BotMessage(string Action, string ConversationId, string MessageId, string? Text, IReadOnlyList<JsonObject> Cards)
{
    /// <summary>The message's one Adaptive Card (the bot never sends a text and a card in one activity).</summary>
    public JsonObject Card => Cards.Count == 1
        ? Cards[0]
        : throw new InvalidOperationException($"Message {MessageId} has {Cards.Count} cards; text: {Text}");
}

/// <summary>The bot's invoke response as the Playground returns it: <c>{type, value}</c>.</summary>
public sealed record InvokeAnswer(string Type, JsonNode? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    public JsonObject Card => Type == CardType && Value is JsonObject card
        ? card
        : throw new InvalidOperationException($"The invoke answered {Type}: {Value?.ToJsonString()}");
}
