using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

public sealed partial class SqliteRiskStore : IOutboxLog
{
    public Task<IReadOnlyList<OutboxRow>> ReadRecentOutboxAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();

        // Position is commit order, so the newest rows are the highest positions.
        using var command = Sql.Command(connection, null, $"SELECT {OutboxColumns} FROM outbox ORDER BY position DESC LIMIT @limit;").With("@limit", max);
        return Task.FromResult<IReadOnlyList<OutboxRow>>(ReadOutboxRows(command));
    }
}
