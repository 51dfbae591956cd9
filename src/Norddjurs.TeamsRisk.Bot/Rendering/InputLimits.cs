namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The longest texts the reader takes. Core sets no lengths; these keep a stored answer and the card that shows it again
/// within sane bounds (a card must stay under 28 KB). The name matches the events card's <c>maxLength</c>.
/// </summary>
internal static class InputLimits
{
    /// <summary>A custom event's name (the events card's <c>maxLength</c>).</summary>
    public const int Name = 120;

    /// <summary>An e-mail address: a SharePoint single line of text holds 255.</summary>
    public const int Email = 255;

    /// <summary>Reasons, descriptions and justifications.</summary>
    public const int Text = 2000;

    /// <summary>An event id or a list index as it appears in an input id.</summary>
    public const int Key = 100;

    /// <summary>How much of a refused value the message quotes.</summary>
    public const int Quoted = 60;
}
