namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>Entra ids are GUID strings that different sources spell in different cases; they name the same object.</summary>
public static class EntraIds
{
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static bool Same(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
