namespace Norddjurs.TeamsRisk.Core;

/// <summary>Consequence dimensions (risk-method.md §3.2): C and I per system, A per event.</summary>
public enum Dimension
{
    Confidentiality,
    Integrity,
    Availability,
}

public static class DimensionIds
{
    public static string Id(this Dimension dimension) => dimension switch
    {
        Dimension.Confidentiality => "C",
        Dimension.Integrity => "I",
        _ => "A",
    };

    public static bool TryParse(string id, out Dimension dimension)
    {
        switch (id)
        {
            case "C": dimension = Dimension.Confidentiality; return true;
            case "I": dimension = Dimension.Integrity; return true;
            case "A": dimension = Dimension.Availability; return true;
            default: dimension = default; return false;
        }
    }
}
