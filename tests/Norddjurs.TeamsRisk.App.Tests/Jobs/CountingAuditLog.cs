using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>The real audit log, counting its reads (on SharePoint each is a round trip), and failing the next call when told to.</summary>
internal sealed class CountingAuditLog(IAuditLog inner) : IAuditLog
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Thrown by the next read instead of reading.</summary>
    public Exception? FailNextRead { get; set; }

    public Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken)
    {
        Read();
        return inner.ReadPendingAuditIntentsAsync(max, cancellationToken);
    }

    public Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken)
    {
        Read();
        return inner.GetChainHeadAsync(cancellationToken);
    }

    public Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken) =>
        inner.SealAsync(lease, entries, expectedHead, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken) =>
        inner.ReadChainAsync(fromSeq, max, cancellationToken);

    private void Read()
    {
        Interlocked.Increment(ref _reads);
        if (FailNextRead is { } failure)
        {
            FailNextRead = null;
            throw failure;
        }
    }
}
