using Norddjurs.TeamsRisk.Core.Errors;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>
/// The outcome of importing one continuity-plan file: every system, or none and every problem (risk-method.md §6:
/// never a half import). <see cref="Encoding"/> and <see cref="Separator"/> say how the file was read.
/// </summary>
public sealed record ContinuityPlanImport(
    IReadOnlyList<CriticalSystem> Systems,
    IReadOnlyList<ImportProblem> Problems,
    CsvEncoding Encoding,
    char Separator)
{
    public bool IsSuccess => Problems.Count == 0;
}

/// <summary>
/// One thing wrong with an import file: the physical line (header = 1; a row spanning lines is reported on its first),
/// the column as the template names it (null for file and row problems), the cell as written, and the error.
/// </summary>
public sealed record ImportProblem(int Line, string? Column, string? RawValue, DomainError Error);
