namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>What became of a <see cref="StoreChange"/>: each case is an expected outcome, so a value, not an exception.</summary>
public abstract record CommitResult
{
    private CommitResult()
    {
    }

    /// <summary>Applied now; the new version of every written document, in write order.</summary>
    public sealed record Committed(IReadOnlyList<DocumentVersion> Versions) : CommitResult
    {
        public long VersionOf(string kind, string id) =>
            Versions.First(v => v.Kind == kind && v.Id == id).Version;
    }

    /// <summary>The key was seen before: nothing was applied again; the first change's result is returned.</summary>
    public sealed record Replayed(string? ResultJson) : CommitResult;

    /// <summary>
    /// Nothing was applied: the document's version is not the expected one. Expected null: a create of an id that
    /// exists; actual null: the document does not exist. The caller re-reads and re-renders.
    /// </summary>
    public sealed record Conflict(string Kind, string Id, long? Expected, long? Actual) : CommitResult;
}

/// <summary>A document's version after a commit.</summary>
public sealed record DocumentVersion(string Kind, string Id, long Version);
