namespace Norddjurs.TeamsRisk.Core.Catalogue;

/// <summary>One version of the event catalogue (risk-method.md §4), with its own id, version and hash.</summary>
public sealed record EventCatalogue(int SchemaVersion, string Id, string Version, IReadOnlyList<EventGroup> Groups, IReadOnlyList<CatalogueEvent> Events, string Sha256)
{
    public CatalogueEvent? Find(string eventId) => Events.FirstOrDefault(e => e.Id == eventId);

    public EventGroup Group(string id) => Groups.First(g => g.Id == id);
}

public sealed record EventGroup(string Id, LocalizedText Label);

/// <summary>
/// An event that can threaten a system. <see cref="Custom"/> events are added by an owner for one assessment,
/// with their own C/I/A flags; the coordinator may promote them into the next catalogue version.
/// </summary>
public sealed record CatalogueEvent(
    string Id,
    string Group,
    bool Baseline,
    IReadOnlyList<SuggestCondition> SuggestWhen,
    IReadOnlyList<Dimension> Cia,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<LocalizedText> Measures,
    EventRefs Refs,
    bool Custom = false)
{
    public bool Affects(Dimension dimension) => Cia.Contains(dimension);
}

/// <summary>Traceability to BSI elementary threats and ISO/IEC 27005 threat types.</summary>
public sealed record EventRefs(IReadOnlyList<string> Bsi, string Iso27005)
{
    public static EventRefs None { get; } = new([], string.Empty);
}

/// <summary>Facts of a system record that make an event suggested (risk-method.md §4 <c>suggestWhen</c>).</summary>
public enum SuggestCondition
{
    OnPremises,
    External,
    Cloud,
    PersonalData,
    SensitiveData,
    InternetFacing,
    Payments,
    SharedInfrastructure,
    ThirdCountry,
}

public static class SuggestConditionIds
{
    public static string Id(this SuggestCondition condition) =>
        char.ToLowerInvariant(condition.ToString()[0]) + condition.ToString()[1..];

    public static bool TryParse(string id, out SuggestCondition condition)
    {
        foreach (var candidate in Enum.GetValues<SuggestCondition>())
        {
            if (candidate.Id() == id)
            {
                condition = candidate;
                return true;
            }
        }

        condition = default;
        return false;
    }
}
