using System.Collections.Concurrent;

namespace Norddjurs.TeamsRisk.LoadTest.Measuring;

/// <summary>
/// One request as sent: its label (the card action), the body, the token and the owner's pause before it (think time or
/// the spread start), so the floor can be sent the same requests at the same pace.
/// </summary>
internal sealed record SentRequest(string Label, string Body, string Token, TimeSpan PausedBefore);

/// <summary>One request's label and when it was sent and answered (wall clock, as the emulator's log).</summary>
internal sealed record RequestSpan(string Label, DateTimeOffset Started, DateTimeOffset Ended);

/// <summary>
/// Latencies per card action and errors by kind, from many owners at once. Each owner keeps its own list of sent
/// requests (in order) so the floor replays every owner's sequence with the same concurrency.
/// </summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<RequestSpan> _spans = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private readonly ConcurrentBag<IReadOnlyList<SentRequest>> _sequences = [];
    private int _assessments;
    private int _completedEvents;

    public bool KeepRequests { get; init; }

    /// <summary>Keep when each request started and ended (SharePoint mode's trace: which Graph requests fell inside which click).</summary>
    public bool KeepSpans { get; init; }

    public IReadOnlyCollection<RequestSpan> Spans => _spans;

    public int CompletedAssessments => Volatile.Read(ref _assessments);

    /// <summary>Events (risk lines: one Score step each) of the completed assessments only.</summary>
    public int CompletedEvents => Volatile.Read(ref _completedEvents);

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public IEnumerable<string> ErrorSamples => _errorSamples;

    public int ErrorCount => _errors.Values.Sum();

    public IReadOnlyCollection<IReadOnlyList<SentRequest>> Sequences => _sequences;

    public void Latency(string label, DateTimeOffset started, TimeSpan elapsed)
    {
        _latencies.GetOrAdd(label, _ => []).Add(elapsed.TotalMilliseconds);
        if (KeepSpans)
        {
            _spans.Enqueue(new RequestSpan(label, started, started + elapsed));
        }
    }

    /// <summary>An error by kind; the first 20 details are kept to print.</summary>
    public void Error(string kind, string detail)
    {
        _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (_errorSamples.Count < 20)
        {
            _errorSamples.Enqueue($"{kind}: {detail}");
        }
    }

    public void AssessmentDone(int events)
    {
        Interlocked.Increment(ref _assessments);
        Interlocked.Add(ref _completedEvents, events);
    }

    public void Sequence(IReadOnlyList<SentRequest> requests)
    {
        if (KeepRequests && requests.Count > 0)
        {
            _sequences.Add(requests);
        }
    }

    public IReadOnlyList<Percentiles> PerLabel() =>
        [.. _latencies.Select(l => Percentiles.Of(l.Key, l.Value)).OrderBy(p => p.Label, StringComparer.Ordinal)];

    public Percentiles All() => Percentiles.Of("all", _latencies.Values.SelectMany(v => v));

    /// <summary>The latencies of the labels <paramref name="which"/> picks, together.</summary>
    public Percentiles Of(Func<string, bool> which) => Percentiles.Of("selected", _latencies.Where(l => which(l.Key)).SelectMany(l => l.Value));

    public int RequestCount => _latencies.Values.Sum(v => v.Count);
}

/// <summary>Nearest-rank percentiles of one label's latencies, in milliseconds.</summary>
internal sealed record Percentiles(string Label, int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(string label, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(label, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(label, sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}
