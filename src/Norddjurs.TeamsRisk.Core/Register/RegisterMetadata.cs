namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The register metadata of risk-method.md §6.</summary>
public sealed record RegisterMetadata
{
    public int RecordVersion { get; init; } = 1;

    public required RecordSource Source { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required PersonRef CreatedBy { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public PersonRef? UpdatedBy { get; init; }

    public string? LastApprovedAssessmentId { get; init; }

    /// <summary>Derived: approval + 12 months, or earlier by a trigger (§2.3); never imported.</summary>
    public DateOnly? NextAssessmentDue { get; init; }
}

/// <summary>Where a record came from: an import file and the physical line its row starts on, or manual entry.</summary>
public sealed record RecordSource(string? FileName, int? Line)
{
    public static RecordSource Manual { get; } = new(null, null);

    public bool IsManual => FileName is null;

    public static RecordSource Import(string fileName, int line) => new(fileName, line);

    public override string ToString() => IsManual ? "manual" : $"{FileName}:{Line}";
}
