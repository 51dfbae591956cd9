using System.Globalization;

namespace Norddjurs.TeamsRisk.App.Jobs;

/// <summary>
/// Who this process is when it claims an outbox row or holds a lease: machine, process and a fresh GUID, so two
/// instances (or a restarted one) never pass for each other, and a log line still says where it ran.
/// </summary>
internal sealed record JobInstance(string Id)
{
    public static JobInstance ForThisProcess() =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"));
}
