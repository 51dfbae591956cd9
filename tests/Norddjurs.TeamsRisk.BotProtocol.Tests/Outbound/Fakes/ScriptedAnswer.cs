using Microsoft.AspNetCore.Http;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

/// <summary>An answer the fake connector gives instead of Teams' normal one, once, in the order scripted.</summary>
public sealed record ScriptedAnswer(int Status, string? Body = null, int? RetryAfterSeconds = null, bool Hang = false)
{
    public static ScriptedAnswer Throttled(int retryAfterSeconds) => new(429, Error("Throttled"), retryAfterSeconds);

    public static ScriptedAnswer Status502() => new(502);

    public static ScriptedAnswer Status503() => new(503, Error("ServiceUnavailable"));

    public static ScriptedAnswer Status504() => new(504);

    /// <summary>The second error shape of §3.6: a user who blocked or uninstalled the bot.</summary>
    public static ScriptedAnswer BotBlockedByUser() =>
        new(403, """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked for bot messages.\"}"}""");

    public static ScriptedAnswer Forbidden(string code) => new(403, Error(code));

    public static ScriptedAnswer ConversationNotFound() => new(404, Error("ConversationNotFound"));

    /// <summary>Never answers; the request ends when the client gives up.</summary>
    public static ScriptedAnswer NoAnswer() => new(0, Hang: true);

    public static string Error(string code) => $$$"""{"error":{"code":"{{{code}}}","message":"scripted {{{code}}}"}}""";

    public async Task WriteAsync(HttpContext context)
    {
        if (Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.Headers["MS-CV"] = "fake.1";
        if (Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Body);
        }
    }
}
