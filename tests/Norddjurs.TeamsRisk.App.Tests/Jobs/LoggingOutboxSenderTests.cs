using Microsoft.Extensions.Logging;
using Norddjurs.TeamsRisk.App.Jobs.Outbox;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The stand-in sender logs the template and the recipient, never the payload's data (style-examples.md rule 8).</summary>
public sealed class LoggingOutboxSenderTests
{
    [Fact]
    public async Task It_logs_the_template_and_the_recipient_but_not_the_people_named_in_the_data_and_answers_delivered()
    {
        var logger = new RecordingLogger();
        var message = Commits.Invitation("oid-anne", systemName: "Omsorgssystem Cura").ToOutbox("round-1", 0, SharedDatabase.Start);
        var row = new OutboxRow(message, OutboxStatus.Pending, 0, message.CreatedAt, null, "instance-a", null, 2);

        var result = await new LoggingOutboxSender(logger).SendAsync(row, Commits.Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("assessment.invited", line, StringComparison.Ordinal);
        Assert.Contains("user:oid-anne", line, StringComparison.Ordinal);
        Assert.Contains("round-1#0", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Anne Ejer", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Cura", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text":"Hej"}""")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("""{"Template":7}""")]
    public void A_payload_without_a_template_is_logged_as_none(string payload) =>
        Assert.Equal("(none)", LoggingOutboxSender.TemplateOf(payload));

    private sealed class RecordingLogger : ILogger<LoggingOutboxSender>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
