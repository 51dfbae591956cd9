namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>Loaded data, or every problem that stopped it from loading (never just the first).</summary>
public sealed record LoadResult<T>
    where T : class
{
    private LoadResult(T? value, IReadOnlyList<DataProblem> problems)
    {
        ValueOrNull = value;
        Problems = problems;
    }

    public T? ValueOrNull { get; }

    public IReadOnlyList<DataProblem> Problems { get; }

    public bool IsValid => ValueOrNull is not null && Problems.Count == 0;

    public T Value => IsValid
        ? ValueOrNull!
        : throw new InvalidOperationException("Data is invalid: " + string.Join("; ", Problems));

    public static LoadResult<T> Valid(T value) => new(value, []);

    public static LoadResult<T> Invalid(IReadOnlyList<DataProblem> problems) => new(null, problems);
}
