namespace Norddjurs.TeamsRisk.Core.Errors;

/// <summary>A value or the domain errors that prevented it (house rule 4: expected failures are values).</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<DomainError> Errors { get; }

    public bool IsSuccess => Errors is null || Errors.Count == 0;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed: {string.Join("; ", Errors)}");

    public static Result<T> Success(T value) => new(value, []);

    public static Result<T> Failure(DomainError error) => new(default, [error]);

    public static Result<T> Failure(IReadOnlyList<DomainError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

    public static implicit operator Result<T>(DomainError error) => Failure(error);

    public static implicit operator Result<T>(T value) => Success(value);
}
