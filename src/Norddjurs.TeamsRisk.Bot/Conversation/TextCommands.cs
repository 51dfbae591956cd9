using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>What a typed message asks for. Anything not recognised gets the help card.</summary>
internal abstract record TextCommand
{
    private TextCommand()
    {
    }

    /// <summary>"start", "mine vurderinger", "my assessments": the owner's assessments.</summary>
    public sealed record MyAssessments : TextCommand;

    /// <summary>"hjælp", "help", or anything else: the welcome card.</summary>
    public sealed record Help : TextCommand;

    /// <summary>"sprog [dansk|engelsk]", "language [danish|english]": set the language; without a word, switch to the other one.</summary>
    public sealed record ChooseLanguage(Language? Language) : TextCommand;

    public static TextCommand Parse(string? text)
    {
        var words = (text ?? string.Empty)
            .Trim().TrimEnd('.', '!', '?').ToLowerInvariant()
            .Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new Help();
        }

        var phrase = string.Join(' ', words);
        if (phrase is "start" or "mine vurderinger" or "vurderinger" or "my assessments" or "assessments")
        {
            return new MyAssessments();
        }

        if (words[0] is "sprog" or "language" && words.Length <= 2)
        {
            return new ChooseLanguage(words.Length == 2 ? LanguageNamed(words[1]) : null);
        }

        return new Help();
    }

    private static Language? LanguageNamed(string word) => word switch
    {
        "dansk" or "danish" or "da" => Language.Danish,
        "engelsk" or "english" or "en" => Language.English,
        _ => null,
    };
}
