using System.Collections.ObjectModel;
using System.Globalization;

namespace Norddjurs.TeamsRisk.Core.Errors;

/// <summary>
/// An expected failure of a rule: a dotted code (<c>likelihood.out_of_range</c>) and named arguments.
/// The user-visible text comes from the resources in Danish and English, never from C# literals.
/// </summary>
public sealed record DomainError
{
    private static readonly IReadOnlyDictionary<string, string> NoArgs =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public DomainError(string code, IReadOnlyDictionary<string, string>? args = null)
    {
        Code = code;
        Args = args ?? NoArgs;
    }

    public string Code { get; }

    public IReadOnlyDictionary<string, string> Args { get; }

    public static DomainError Of(string code, params (string Name, object? Value)[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in args)
        {
            map[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return new DomainError(code, map);
    }

    public string Message(Language language) => Texts.Format(Code, language, Args);

    public override string ToString() =>
        Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))})";

    public bool Equals(DomainError? other) =>
        other is not null && Code == other.Code && Args.Count == other.Args.Count &&
        Args.All(a => other.Args.TryGetValue(a.Key, out var v) && v == a.Value);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}
