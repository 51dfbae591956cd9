using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Sqlite;

/// <summary>
/// A malformed change (unknown kind, undeclared index, empty id) is a programming error, not a user's: it throws
/// before the store is touched, so neither store ever holds what the other could not.
/// </summary>
internal static class ChangeValidation
{
    public static void Ensure(StoreChange change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(change.IdempotencyKey, nameof(change));
        foreach (var write in change.Writes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(write.Id, nameof(change));
            ArgumentNullException.ThrowIfNull(write.Json, nameof(change));
            DocumentKinds.EnsureIndexNames(write.Kind, write.Index.Keys);
        }

        foreach (var message in change.Outbox)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(message.Id, nameof(change));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.OrderingKey, nameof(change));
        }
    }
}
