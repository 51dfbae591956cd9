using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Conversation;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>Every command the manifest offers (Danish, and English in en.json) is one the bot's parser understands.</summary>
public sealed class BotCommandTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    // What each offered word must do. Help is also the parser's answer to anything unknown, so the table (not the parser
    // alone) is what tells "hjælp" from a typo; every other command must reach something else than help.
    private static readonly Dictionary<string, Type> Expected = new(StringComparer.Ordinal)
    {
        ["start"] = typeof(TextCommand.MyAssessments),
        ["mine vurderinger"] = typeof(TextCommand.MyAssessments),
        ["my assessments"] = typeof(TextCommand.MyAssessments),
        ["sprog"] = typeof(TextCommand.ChooseLanguage),
        ["language"] = typeof(TextCommand.ChooseLanguage),
        ["hjælp"] = typeof(TextCommand.Help),
        ["help"] = typeof(TextCommand.Help),
    };

    [Fact]
    public void Every_Danish_command_is_understood_by_the_bot()
    {
        var titles = Commands(package.Manifest).Select(c => c.Title).ToList();

        Assert.Equal(["start", "mine vurderinger", "sprog", "hjælp", "hjælp"], titles);
        Assert.All(titles, title => Assert.IsType(Expected[title], TextCommand.Parse(title)));
    }

    [Fact]
    public void Every_English_command_is_understood_by_the_bot_and_does_what_its_Danish_one_does()
    {
        foreach (var (key, title) in Commands(package.Manifest).Select(c => (c.Key, c.Title)))
        {
            var english = package.English[key]?.GetValue<string>();

            Assert.NotNull(english);
            Assert.IsType(Expected[english], TextCommand.Parse(english));
            Assert.Equal(Expected[title], Expected[english]);
        }
    }

    [Fact]
    public void The_parser_tells_each_offered_command_but_help_from_an_unknown_word()
    {
        Assert.IsType<TextCommand.Help>(TextCommand.Parse("ukendt ord"));
        Assert.All(Expected.Where(e => e.Value != typeof(TextCommand.Help)), e => Assert.IsNotType<TextCommand.Help>(TextCommand.Parse(e.Key)));
    }

    [Fact]
    public void The_team_scope_offers_only_help_so_nobody_lists_their_own_assessments_in_a_channel()
    {
        var lists = package.Manifest["bots"]![0]!["commandLists"]!.AsArray();
        var team = Assert.Single(lists, l => l!["scopes"]!.AsArray().Any(s => s!.GetValue<string>() == "team"));

        Assert.Equal(["hjælp"], team!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
    }

    /// <summary>Each command's title with its localisation key, in manifest order.</summary>
    private static IEnumerable<(string Key, string Title)> Commands(JsonObject manifest) =>
        manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany((list, l) =>
            list!["commands"]!.AsArray().Select((command, c) =>
                ($"bots[0].commandLists[{l}].commands[{c}].title", command!["title"]!.GetValue<string>())));
}
