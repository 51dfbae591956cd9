using System.Diagnostics;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// One test's world: a fresh App (its own SQLite file), the Agents Playground pointed at it, and a
/// <see cref="PlaygroundClient"/> connected to the Playground. <see cref="RunAsync"/> writes both processes' output and
/// the client's transcript to the test log when the test fails, and tears everything down either way.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    /// <summary>How long the bot gets to post a message after the action that causes it (outbox, dispatcher, connector).</summary>
    public static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(15);

    private PlaygroundSession(AppProcess app, PlaygroundProcess playground, PlaygroundClient client)
    {
        App = app;
        Playground = playground;
        Client = client;
    }

    public AppProcess App { get; }

    public PlaygroundProcess Playground { get; }

    public PlaygroundClient Client { get; }

    public static Task RunAsync(ITestOutputHelper log, Func<PlaygroundSession, CancellationToken, Task> test, TimeSpan? budget = null) =>
        RunAsync(log, appSettings: null, test, budget);

    /// <summary>As above, with the App started on extra settings (e.g. <c>Storage:Provider=SharePoint</c>).</summary>
    public static async Task RunAsync(ITestOutputHelper log, IReadOnlyDictionary<string, string>? appSettings, Func<PlaygroundSession, CancellationToken, Task> test, TimeSpan? budget = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(test);
        using var timeout = new CancellationTokenSource(budget ?? TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        await using var session = await StartAsync(appSettings, timeout.Token);
        log.WriteLine($"App at {session.App.BaseAddress}, Playground at {session.Playground.BaseAddress}: up in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        try
        {
            await test(session, timeout.Token);
            log.WriteLine($"Test body: {clock.ElapsedMilliseconds} ms");
        }
        catch (Exception e)
        {
            log.WriteLine($"Failed after {clock.ElapsedMilliseconds} ms.");
            log.WriteLine("--- Playground client transcript ---");
            log.WriteLine(session.Client.Transcript);
            log.WriteLine("--- App output ---");
            log.WriteLine(session.App.Output.ToString());
            log.WriteLine("--- Agents Playground output ---");
            log.WriteLine(session.Playground.Output.ToString());
            log.WriteLine("--- Agents Playground log file ---");
            log.WriteLine(session.Playground.LogFile());
            if (Diagnose(session.App.Output.ToString()) is { } missing)
            {
                throw new InvalidOperationException($"{missing} ({e.GetType().Name}: {e.Message})", e);
            }

            throw;
        }
    }

    /// <summary>
    /// Names a part of the App that is not there yet, from what the App logged, so a failure says why: the outbox has
    /// no Teams sender (replies are only logged), or a step card has no renderer; else the handler's first exception.
    /// </summary>
    private static string? Diagnose(string appOutput)
    {
        List<string> missing = [];
        if (appOutput.Contains("logged only, no Teams or mail sender is configured", StringComparison.Ordinal))
        {
            missing.Add("The App has no Teams sender behind the outbox (AddTeamsSender): the bot's replies are only logged and never reach the Playground.");
        }

        if (appOutput.Contains("NotImplementedException", StringComparison.Ordinal) && appOutput.Contains("StepCardRenderer", StringComparison.Ordinal))
        {
            missing.Add("The App cannot render the guided flow's step cards yet (StepCardRenderer throws NotImplementedException).");
        }

        // Otherwise the first exception the bot's handler logged (an invoke then answers InternalError).
        var lines = appOutput.Split('\n');
        var failed = Array.FindIndex(lines, l => l.Contains("The activity handler failed", StringComparison.Ordinal));
        if (missing.Count == 0 && failed >= 0 && failed + 1 < lines.Length)
        {
            return $"The bot's handler failed: {lines[failed + 1].Trim()}";
        }

        return missing.Count > 0 ? "Missing in the App: " + string.Join(" ", missing) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Playground.DisposeAsync();
        await App.DisposeAsync();
    }

    private static async Task<PlaygroundSession> StartAsync(IReadOnlyDictionary<string, string>? appSettings, CancellationToken cancellationToken)
    {
        var app = await AppProcess.StartAsync(appSettings, cancellationToken);
        PlaygroundProcess? playground = null;
        try
        {
            playground = await PlaygroundProcess.StartAsync(app.MessagesEndpoint);
            var client = await PlaygroundClient.ConnectAsync(playground.BaseAddress, cancellationToken);
            return new PlaygroundSession(app, playground, client);
        }
        catch (Exception e)
        {
            var playgroundOutput = playground?.Output.ToString();
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }

            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"Start-up failed: {e.Message}{Environment.NewLine}--- App output ---{Environment.NewLine}{app.Output}"
                + $"{Environment.NewLine}--- Agents Playground output ---{Environment.NewLine}{playgroundOutput}", e);
        }
    }
}
