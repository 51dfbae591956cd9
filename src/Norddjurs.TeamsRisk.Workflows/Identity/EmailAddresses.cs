namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// What a typed responsible person must look like before the directory is asked (the bot's card and the tab's form):
/// one '@' with text on both sides and no spaces. Whether anyone has the address is the directory's to say.
/// </summary>
public static class EmailAddresses
{
    public static bool LooksLikeOne(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
    }
}
