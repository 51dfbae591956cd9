using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>The input reader's messages, Danish in <c>InputTexts.resx</c> and English in <c>InputTexts.en.resx</c>.</summary>
internal static class InputTexts
{
    private static readonly ResxTexts Texts = new("Norddjurs.TeamsRisk.Bot.Rendering.InputTexts", "Input");

    public static string Get(string key, Language language) => Texts.Get(key, language);

    public static string Format(string key, Language language, IReadOnlyDictionary<string, string> args) => Texts.Format(key, language, args);

    public static IReadOnlyCollection<string> AllKeys() => Texts.AllKeys();
}
