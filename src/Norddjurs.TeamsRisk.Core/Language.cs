namespace Norddjurs.TeamsRisk.Core;

/// <summary>The languages a user can see (design.md §9): Danish first, English second.</summary>
public enum Language
{
    Danish,
    English,
}
