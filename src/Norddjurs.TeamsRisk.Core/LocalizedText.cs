namespace Norddjurs.TeamsRisk.Core;

/// <summary>A text carried in method or catalogue data, in Danish and English.</summary>
public sealed record LocalizedText(string Da, string En)
{
    public string In(Language language) => language == Language.English && En.Length > 0 ? En : Da;

    public override string ToString() => Da;
}
