using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>Every log entry and its exception. The host logs why start-up failed before it disposes itself.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IEnumerable<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            entries.Enqueue(formatter(state, exception));
            for (var e = exception; e is not null; e = e.InnerException)
            {
                entries.Enqueue($"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}
