using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>A stretch of the sealed chain; <see cref="NextSeq"/> is where to read on, null at the end.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, ChainHead? Head, long? NextSeq);

/// <summary>The stored chain checked against the stored head (design.md §6): the first broken entry, or how much is intact.</summary>
public sealed record AuditVerification(bool Intact, long Count, ChainHead? Head, ChainHead? StoredHead, IReadOnlyList<DomainError> Errors);

/// <summary>
/// The sealed audit chain for its readers: the auditor, the coordinator and the committee read, verify and export it.
/// The committee reads the whole trail (design.md §4), so the JSON Lines export — the same entries, checkable offline
/// with verify-audit — gives it nothing more; refusing it only broke the link the audit page offers it.
/// </summary>
public sealed class AuditQueries(IAuditLog audit, Visibility visibility)
{
    public const int MaxPage = 1000;

    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Auditor, Role.Coordinator, Role.Committee };

    public async Task<Outcome<AuditPage>> ReadAsync(Actor actor, long fromSeq, int max, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<AuditPage>.From(Refused("audit.read", Readers));
        }

        max = Math.Clamp(max, 1, MaxPage);
        var entries = await audit.ReadChainAsync(Math.Max(fromSeq, 1), max, cancellationToken).ConfigureAwait(false);
        var head = await audit.GetChainHeadAsync(cancellationToken).ConfigureAwait(false);
        long? next = entries.Count > 0 && head is not null && entries[^1].Seq < head.Seq ? entries[^1].Seq + 1 : null;
        return new Outcome<AuditPage>.Done(new AuditPage(entries, head, next));
    }

    public async Task<Outcome<AuditVerification>> VerifyAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<AuditVerification>.From(Refused("audit.verify", Readers));
        }

        var (entries, storedHead) = await WholeChainAsync(cancellationToken).ConfigureAwait(false);
        var result = AuditChainVerifier.Verify(entries, storedHead);
        return new Outcome<AuditVerification>.Done(result.IsSuccess
            ? new AuditVerification(true, result.Value.Count, result.Value.Head, storedHead, [])
            : new AuditVerification(false, entries.Count, null, storedHead, result.Errors));
    }

    /// <summary>The JSON Lines export with the head (AuditExport); not found while nothing is sealed, as there is no head to end it with.</summary>
    public async Task<Outcome<string>> ExportAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<string>.From(Refused("audit.export", Readers));
        }

        var (entries, head) = await WholeChainAsync(cancellationToken).ConfigureAwait(false);
        return head is null ? new Outcome<string>.NotFound() : new Outcome<string>.Done(AuditExport.Write(entries, head));
    }

    /// <summary>The head first: entries sealed while reading are past it and left out, so the export ends at its head.</summary>
    private async Task<(IReadOnlyList<AuditEntry> Entries, ChainHead? Head)> WholeChainAsync(CancellationToken cancellationToken)
    {
        var head = await audit.GetChainHeadAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        var from = 1L;
        while (head is not null && from <= head.Seq)
        {
            var page = await audit.ReadChainAsync(from, MaxPage, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            entries.AddRange(page.Where(e => e.Seq <= head.Seq));
            from = page[^1].Seq + 1;
        }

        return (entries, head);
    }

    private static DomainError Refused(string action, IReadOnlySet<Role> roles) =>
        DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", action), ("roles", string.Join(", ", roles.Select(r => r.Id()))));
}
