using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>A consequence level on the method's scale (risk-method.md §3.2), for C, I, A or the event as a whole.</summary>
[JsonConverter(typeof(ConsequenceLevelJsonConverter))]
public readonly record struct ConsequenceLevel : IComparable<ConsequenceLevel>
{
    private ConsequenceLevel(int value) => Value = value;

    public int Value { get; }

    public static ConsequenceLevel Of(int value) => value >= 1 ? new ConsequenceLevel(value) : throw new ArgumentOutOfRangeException(nameof(value));

    public static bool TryFrom(int value, RiskMethod method, out ConsequenceLevel level)
    {
        level = method.Scale.Contains(value) ? new ConsequenceLevel(value) : default;
        return method.Scale.Contains(value);
    }

    public static ConsequenceLevel Max(ConsequenceLevel a, ConsequenceLevel b) => a.Value >= b.Value ? a : b;

    public int CompareTo(ConsequenceLevel other) => Value.CompareTo(other.Value);

    public static bool operator <(ConsequenceLevel a, ConsequenceLevel b) => a.Value < b.Value;

    public static bool operator >(ConsequenceLevel a, ConsequenceLevel b) => a.Value > b.Value;

    public static bool operator <=(ConsequenceLevel a, ConsequenceLevel b) => a.Value <= b.Value;

    public static bool operator >=(ConsequenceLevel a, ConsequenceLevel b) => a.Value >= b.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
