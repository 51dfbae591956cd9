using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>The shipped default method, <c>nk-risk-method</c> 1.0.0 (risk-method.md §3.7), embedded as JSON.</summary>
public static class DefaultMethod
{
    public const string ResourceName = "Norddjurs.TeamsRisk.Core.Method.Defaults.nk-risk-method.json";

    public static byte[] Json() => EmbeddedData.Read(ResourceName);

    public static LoadResult<RiskMethod> Load() => MethodLoader.Load(Json());
}
