namespace Norddjurs.TeamsRisk.Cards.Actions;

/// <summary>
/// The steps of the guided flow as the cards name them. The names equal Workflows' <c>FlowStepKind</c>, so the bot
/// maps by name (Cards may not reference Workflows, style-examples.md §2).
/// </summary>
public enum CardStepKind
{
    Facts,
    Profile,
    Events,
    Score,
    Treatment,
    Summary,
}

/// <summary>One step: its kind and, for Score and Treatment, the event it is about.</summary>
public sealed record CardStep(CardStepKind Kind, string? EventId = null)
{
    private const char Separator = ':';

    /// <summary>"Score:CYB-RANSOM" or "Facts": the value of a jump choice.</summary>
    public string Token => EventId is null ? Kind.ToString() : $"{Kind}{Separator}{EventId}";

    public static CardStep? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var cut = token.IndexOf(Separator, StringComparison.Ordinal);
        var kind = cut < 0 ? token : token[..cut];
        return Enum.TryParse<CardStepKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? new CardStep(parsed, cut < 0 ? null : token[(cut + 1)..])
            : null;
    }
}
