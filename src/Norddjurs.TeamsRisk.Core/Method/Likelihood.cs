using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>A likelihood level on the method's scale (risk-method.md §3.1). Raw ints never enter Core unchecked.</summary>
[JsonConverter(typeof(LikelihoodJsonConverter))]
public readonly record struct Likelihood
{
    private Likelihood(int value) => Value = value;

    public int Value { get; }

    public static Likelihood Of(int value) => value >= 1 ? new Likelihood(value) : throw new ArgumentOutOfRangeException(nameof(value));

    public static bool TryFrom(int value, RiskMethod method, out Likelihood likelihood)
    {
        likelihood = method.Scale.Contains(value) ? new Likelihood(value) : default;
        return method.Scale.Contains(value);
    }

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
