using Norddjurs.TeamsRisk.App.Cli;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--environment=Development")]
    [InlineData("urls=http://127.0.0.1:5000")]
    public void Host_arguments_or_none_start_the_web_host(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Null(CommandLine.Run(args, output, error));
        Assert.Empty(output.ToString() + error.ToString());
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Brug: ")]
    [InlineData(new[] { "frobnicate", "--language", "en" }, "Usage: ")]
    public void An_unknown_command_prints_the_usage_with_exit_code_2(string[] args, string usageStart)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, CommandLine.Run(args, output, error));
        Assert.Empty(output.ToString());
        Assert.StartsWith(usageStart, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_line_text_exists_in_Danish_and_English()
    {
        var keys = CliTexts.Keys();

        Assert.Contains("cli.usage", keys);
        Assert.All(keys, key =>
        {
            Assert.NotEqual(key, CliTexts.Get(key, Language.Danish));
            Assert.NotEqual(key, CliTexts.Get(key, Language.English));
            Assert.NotEqual(CliTexts.Get(key, Language.Danish), CliTexts.Get(key, Language.English));
        });
    }
}
