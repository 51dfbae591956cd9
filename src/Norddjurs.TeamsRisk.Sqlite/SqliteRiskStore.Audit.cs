using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    public Task<IReadOnlyList<AuditIntent>> ReadPendingAuditIntentsAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, "SELECT json FROM audit_intent ORDER BY position LIMIT @max;").With("@max", max);
        using var reader = command.ExecuteReader();
        var intents = new List<AuditIntent>();
        while (reader.Read())
        {
            intents.Add(AuditIntentJson.Deserialize(reader.GetString(0)));
        }

        return Task.FromResult<IReadOnlyList<AuditIntent>>(intents);
    }

    public Task<SealResult> SealAsync(Lease lease, IReadOnlyList<AuditEntry> entries, ChainHead? expectedHead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureFollows(entries, expectedHead);
        return Task.FromResult(InWriteTransaction<SealResult>((connection, transaction) =>
        {
            if (!HoldsLease(connection, transaction, lease))
            {
                return (false, new SealResult.LeaseLost());
            }

            var head = ReadHead(connection, transaction);
            if (head != expectedHead)
            {
                return (false, new SealResult.HeadMoved(head));
            }

            foreach (var entry in entries)
            {
                using var append = Sql.Command(connection, transaction, "INSERT INTO audit_entry (seq, entry_id, hash, json) VALUES (@seq, @entryId, @hash, @json);")
                    .With("@seq", entry.Seq).With("@entryId", entry.Intent.EntryId).With("@hash", entry.Hash).With("@json", entry.ToJsonLine());
                append.ExecuteNonQuery();
                using var consume = Sql.Command(connection, transaction, "DELETE FROM audit_intent WHERE entry_id = @entryId;")
                    .With("@entryId", entry.Intent.EntryId);
                if (consume.ExecuteNonQuery() != 1)
                {
                    // Sealing what was never pending would put an unrecorded action in the chain: a sealer bug.
                    throw new InvalidOperationException($"Audit entry {entry.Intent.EntryId} has no pending intent.");
                }
            }

            var last = entries[^1];
            using var move = Sql.Command(connection, transaction, "INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash;")
                .With("@seq", last.Seq).With("@hash", last.Hash);
            move.ExecuteNonQuery();
            return (true, new SealResult.Sealed(last.Head));
        }));
    }

    public Task<ChainHead?> GetChainHeadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        return Task.FromResult(ReadHead(connection, null));
    }

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(long fromSeq, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = Sql.Command(connection, null, "SELECT json FROM audit_entry WHERE seq >= @from ORDER BY seq LIMIT @max;")
            .With("@from", fromSeq).With("@max", max);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(AuditEntry.Parse(reader.GetString(0)).Value);
        }

        return Task.FromResult<IReadOnlyList<AuditEntry>>(entries);
    }

    private static ChainHead? ReadHead(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = Sql.Command(connection, transaction, "SELECT seq, hash FROM audit_head WHERE id = 1;");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Entries that do not continue the expected head cannot be a chain: the caller did not use AuditChain.Seal.</summary>
    private static void EnsureFollows(IReadOnlyList<AuditEntry> entries, ChainHead? head)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("Nothing to seal.", nameof(entries));
        }

        var previous = head;
        foreach (var entry in entries)
        {
            if (entry.Seq != (previous?.Seq ?? 0) + 1 || entry.PrevHash != (previous?.Hash ?? AuditChain.GenesisHash))
            {
                throw new ArgumentException($"Entry {entry.Seq} does not follow {previous?.Seq ?? 0}.", nameof(entries));
            }

            previous = entry.Head;
        }
    }
}
