using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>
/// JSON leaves a missing field null even where our records say it never is; this finds the first such field (as a
/// JSON path), so the caller gets a 400 naming it instead of the rules meeting a null they were promised not to see.
/// </summary>
internal static class RequiredFields
{
    private const int MaxDepth = 6;

    /// <summary>The path of the first non-nullable field that is null, or null when there is none.</summary>
    public static string? FirstMissing(object value) => FirstMissing(value, "$", 0);

    private static string? FirstMissing(object value, string path, int depth)
    {
        var type = value.GetType();
        if (depth > MaxDepth || !IsOurs(type))
        {
            return null;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var field = property.GetValue(value);
            if (field is null)
            {
                if (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull)
                {
                    return name;
                }

                continue;
            }

            var missing = field switch
            {
                string => null,
                IDictionary => null,
                IEnumerable items => FirstMissingIn(items, name, depth),
                _ => FirstMissing(field, name, depth + 1),
            };
            if (missing is not null)
            {
                return missing;
            }
        }

        return null;
    }

    private static string? FirstMissingIn(IEnumerable items, string path, int depth)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (item is not null && FirstMissing(item, $"{path}[{index}]", depth + 1) is { } missing)
            {
                return missing;
            }

            index++;
        }

        return null;
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Norddjurs.TeamsRisk", StringComparison.Ordinal) == true;
}
