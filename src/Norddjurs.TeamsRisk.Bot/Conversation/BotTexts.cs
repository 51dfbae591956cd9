using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>The conversation's own words (notices and errors), Danish in <c>BotTexts.resx</c>, English in <c>BotTexts.en.resx</c>.</summary>
internal static class BotTexts
{
    private static readonly ResxTexts Texts = new("Norddjurs.TeamsRisk.Bot.Conversation.BotTexts", "Bot");

    public static string Get(string key, Language language) => Texts.Get(key, language);

    public static string Format(string key, Language language, params (string Name, string Value)[] args) =>
        Texts.Format(key, language, args.Select(a => KeyValuePair.Create(a.Name, a.Value)));

    public static IReadOnlyCollection<string> AllKeys() => Texts.AllKeys();
}
