using Microsoft.Data.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore
{
    public Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var expiresAt = now + ttl;
        return Task.FromResult(InWriteTransaction<Lease?>((connection, transaction) =>
        {
            var current = ReadLease(connection, transaction, name);
            if (current is not null && current.ExpiresAt > now && current.Holder != holder)
            {
                return (false, null);
            }

            // A live lease of the same holder is renewed; any other acquisition is a new holding with a new token.
            var token = current is null ? 1 : current.ExpiresAt > now ? current.FencingToken : current.FencingToken + 1;
            using var upsert = Sql.Command(
                connection,
                transaction,
                """
                INSERT INTO lease (name, holder, fencing_token, expires_at) VALUES (@name, @holder, @token, @expires)
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, fencing_token = excluded.fencing_token, expires_at = excluded.expires_at;
                """)
                .With("@name", name).With("@holder", holder).With("@token", token).With("@expires", Sql.Ticks(expiresAt));
            upsert.ExecuteNonQuery();
            return (true, new Lease(name, holder, token, expiresAt));
        }));
    }

    public Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var expiresAt = now + ttl;
        using var connection = OpenConnection();
        using var command = Sql.Command(
            connection,
            null,
            "UPDATE lease SET expires_at = @expires WHERE name = @name AND holder = @holder AND fencing_token = @token AND expires_at > @now;")
            .With("@expires", Sql.Ticks(expiresAt)).With("@name", lease.Name).With("@holder", lease.Holder)
            .With("@token", lease.FencingToken).With("@now", Sql.Ticks(now));
        return Task.FromResult(command.ExecuteNonQuery() == 1 ? lease with { ExpiresAt = expiresAt } : null);
    }

    public Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();

        // Expired rather than deleted: the next holder's token must still be greater than this one.
        using var command = Sql.Command(
            connection,
            null,
            "UPDATE lease SET expires_at = @expired WHERE name = @name AND holder = @holder AND fencing_token = @token;")
            .With("@expired", DateTimeOffset.MinValue.UtcTicks).With("@name", lease.Name).With("@holder", lease.Holder).With("@token", lease.FencingToken);
        return Task.FromResult(command.ExecuteNonQuery() == 1);
    }

    /// <summary>
    /// Held means: nobody acquired the name since (same token). Fencing, not the clock, decides, so an expired lease
    /// nobody took over is still safe to act on.
    /// </summary>
    private static bool HoldsLease(SqliteConnection connection, SqliteTransaction transaction, Lease lease) =>
        ReadLease(connection, transaction, lease.Name) is { } current && current.FencingToken == lease.FencingToken && current.Holder == lease.Holder;

    private static Lease? ReadLease(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = Sql.Command(connection, transaction, "SELECT holder, fencing_token, expires_at FROM lease WHERE name = @name;").With("@name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Lease(name, reader.GetString(0), reader.GetInt64(1), Sql.Time(reader.GetInt64(2))) : null;
    }
}
