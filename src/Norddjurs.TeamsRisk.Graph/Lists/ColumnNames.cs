namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>The internal names the store reads and writes; the Danish labels live in <see cref="ListSchema"/>.</summary>
public static class ColumnNames
{
    public const string OperationId = "OperationId";
    public const string DocId = "DocId";
    public const string DocVersion = "DocVersion";
    public const string Body = "Body";
    public const string Pending = "Pending";
    public const string ChangeKey = "ChangeKey";
    public const string PendingWrites = "PendingWrites";
    public const string Previous = "Previous";
    public const string AppWriteVersion = "AppWriteVersion";
    public const string CommitteeDecision = "CommitteeDecision";
    public const string CommitteeComment = "CommitteeComment";

    public const string IdempotencyKey = "IdempotencyKey";
    public const string ResultJson = "ResultJson";
    public const string AppliedAt = "AppliedAt";

    public const string EntryId = "EntryId";
    public const string IntentJson = "IntentJson";
    public const string Seq = "Seq";
    public const string Hash = "Hash";
    public const string EntryJson = "EntryJson";

    public const string MessageKind = "MessageKind";
    public const string OrderingKey = "OrderingKey";
    public const string Payload = "Payload";
    public const string CreatedAt = "CreatedAt";
    public const string Status = "Status";
    public const string Attempts = "Attempts";
    public const string NextAttemptAt = "NextAttemptAt";
    public const string LastError = "LastError";
    public const string ClaimedBy = "ClaimedBy";
    public const string ClaimedUntil = "ClaimedUntil";
    public const string RowVersion = "RowVersion";
    public const string DeadAt = "DeadAt";
    public const string SentAt = "SentAt";

    public const string Holder = "Holder";
    public const string FencingToken = "FencingToken";
    public const string ExpiresAt = "ExpiresAt";

    public const string PartNumber = "PartNumber";
    public const string PartText = "PartText";

    public const string ConfigKey = "ConfigKey";
    public const string ConfigValue = "ConfigValue";

    /// <summary>The column of a declared index name (DocumentKinds.IndexNames): the name in PascalCase.</summary>
    public static string ForIndex(string indexName) => char.ToUpperInvariant(indexName[0]) + indexName[1..];
}
