using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The tenant's audit chain (design.md §6): intents arrive with their changes; the single sealer (holding the
/// <see cref="AuditLeases.Sealer"/> lease) seals them in commit order with <see cref="AuditChain.Seal"/> and
/// stores the entries. The head is kept apart from the entries so a truncated chain shows.
/// </summary>
public interface IAuditLog
{
    /// <summary>Up to <paramref name="max"/> unsealed intents, oldest commit first.</summary>
    Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// The sealer's read: the pending intents as <see cref="ReadPendingAuditIntentsAsync"/>, and, when there are any, the
    /// head to seal them after. A store that reads the head to find the pending intents (SharePoint) answers with that
    /// read instead of a second one; the head may have moved since, which <see cref="SealAsync"/> refuses as HeadMoved.
    /// </summary>
    async Task<SealingWork> ReadSealingWorkAsync(int max, CancellationToken cancellationToken)
    {
        var intents = await ReadPendingAuditIntentsAsync(max, cancellationToken).ConfigureAwait(false);
        return new SealingWork(intents, intents.Count == 0 ? null : await GetChainHeadAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Atomically appends <paramref name="entries"/> (which must follow <paramref name="expectedHead"/> with no gap),
    /// removes their intents (matched by entry id) and moves the head. A conflict, with nothing changed, when the
    /// head is no longer <paramref name="expectedHead"/> or another holder has taken the lease since
    /// (fencing token): a sealer that paused past its lease cannot fork the chain.
    /// </summary>
    Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken);

    /// <summary>The last sealed entry's seq and hash, or null while the chain is empty.</summary>
    Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> sealed entries from seq <paramref name="fromSeq"/> on, in seq order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken);
}

/// <summary>Intents to seal and the head to seal them after (null: the chain is empty, or there is nothing to seal).</summary>
public sealed record SealingWork(IReadOnlyList<AuditIntent> Intents, ChainHead? Head);

/// <summary>The names of the audit trail's leases.</summary>
public static class AuditLeases
{
    /// <summary>One sealer per tenant at a time (design.md §6).</summary>
    public const string Sealer = "audit.sealer";
}
