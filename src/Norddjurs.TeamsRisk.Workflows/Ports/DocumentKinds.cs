namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>
/// The kinds of document the store keeps and, per kind, the index names callers may filter on. Declared here,
/// not free-form, because the SharePoint store has one list per kind and can only filter on indexed columns.
/// </summary>
public static class DocumentKinds
{
    public const string System = "system";
    public const string SystemVersion = "systemVersion";
    public const string MethodVersion = "methodVersion";
    public const string CatalogueVersion = "catalogueVersion";
    public const string Round = "round";
    public const string Assessment = "assessment";
    public const string Snapshot = "snapshot";
    public const string Measure = "measure";
    public const string Escalation = "escalation";
    public const string ConversationReference = "conversationReference";
    public const string SyncCursor = "syncCursor";

    /// <summary>A person's own settings (design.md §9: the language they chose), keyed by lower-case object id.</summary>
    public const string UserPreference = "userPreference";

    /// <summary>
    /// How an assessment's invitation reached its owner, keyed by the assessment id: stamped by the dispatcher apart
    /// from the assessment, so a delivery never makes the owner's next step a version conflict.
    /// </summary>
    public const string InvitationReach = "invitationReach";

    /// <summary>Index names per kind; a write or query using any other name is a bug and throws.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> IndexNames { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [System] = ["ownerObjectId", "state"],
            [SystemVersion] = ["systemId"],
            [MethodVersion] = ["methodId", "state"],
            [CatalogueVersion] = ["catalogueId", "state"],
            [Round] = ["state"],
            [Assessment] = ["systemId", "roundId", "state", "ownerObjectId"],
            [Snapshot] = ["assessmentId", "systemId", "roundId"],
            [Measure] = ["assessmentId", "responsibleObjectId", "status"],
            [Escalation] = ["assessmentId", "state", "authorityRole"],
            [ConversationReference] = ["userObjectId", "conversationType", "channelId"],
            [SyncCursor] = [],
            [UserPreference] = [],
            [InvitationReach] = [],
        };

    public static bool IsKnown(string kind) => IndexNames.ContainsKey(kind);

    /// <summary>
    /// Submitted snapshots and system versions never change (design.md §2.5): any write to an existing id is a
    /// conflict, so a correction must be a new document.
    /// </summary>
    public static bool IsImmutable(string kind) => kind is Snapshot or SystemVersion;

    /// <summary>Throws for an unknown kind or an undeclared index name: both are programming errors.</summary>
    public static void EnsureIndexNames(string kind, IEnumerable<string> names)
    {
        if (!IndexNames.TryGetValue(kind, out var declared))
        {
            throw new ArgumentException($"Unknown document kind '{kind}'.", nameof(kind));
        }

        foreach (var name in names)
        {
            if (!declared.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not an index of kind '{kind}'.", nameof(names));
            }
        }
    }
}
