using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

/// <summary>
/// A child process's stdout and stderr, line by line, kept for the test log; and a wait for the first line that
/// matches, bounded by a timeout and by the process exiting.
/// </summary>
public sealed class ProcessOutput
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    public ProcessOutput(string name) => Name = name;

    public string Name { get; }

    public void Attach(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString();
        }
    }

    /// <summary>The first line (already printed or still to come) that matches, or a failure naming what was printed.</summary>
    public async Task<Match> WaitForAsync(Regex pattern, Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(process);
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _text.ToString().Split('\n'))
            {
                if (pattern.Match(line) is { Success: true } match)
                {
                    return match;
                }
            }

            _waiters.Add((pattern, found));
        }

        var exited = process.WaitForExitAsync();
        var winner = await Task.WhenAny(found.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (winner == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        var why = winner == exited ? $"exited with code {process.ExitCode}" : $"printed no line matching /{pattern}/ within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"{Name} {why}. Its output:{Environment.NewLine}{this}");
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _text.Append(line).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Pattern.Match(line) is { Success: true } match)
                {
                    _waiters[i].Found.TrySetResult(match);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
