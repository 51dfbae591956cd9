namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>Codes for an invalid intent and for the first break a verification finds (design.md §6).</summary>
public static class AuditErrorCodes
{
    public const string IntentInvalid = "audit.intent_invalid";

    /// <summary>Edited: the entry's canonical JSON no longer gives its hash.</summary>
    public const string HashMismatch = "audit.hash_mismatch";

    /// <summary>Deleted, inserted or reordered: prevHash is not the previous entry's hash.</summary>
    public const string BrokenLink = "audit.broken_link";

    public const string SequenceGap = "audit.sequence_gap";

    /// <summary>The entries end before the expected head.</summary>
    public const string Truncated = "audit.truncated";

    /// <summary>The entry at the head's seq has another hash: cut off and re-appended, or rewritten.</summary>
    public const string HeadMismatch = "audit.head_mismatch";

    public const string Malformed = "audit.malformed";

    /// <summary>An export's last line is not its chain head: the head line was removed, or the file is not an export.</summary>
    public const string ExportHeadInvalid = "audit.export_head_invalid";
}
