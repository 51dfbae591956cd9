using Norddjurs.TeamsRisk.App.Cli;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.App.Tests.Cli;

public sealed class VerifyAuditCommandTests
{
    [Fact]
    public void A_good_export_is_OK_with_its_count_and_head_in_Danish()
    {
        using var file = TempFile.WithText(Exports.Good);

        var run = Run("verify-audit", file.Path);

        Assert.Equal((0, $"OK: 5 poster, hoved seq 5, hash {Exports.Head.Hash}\n", string.Empty), run);
    }

    [Fact]
    public void A_good_export_is_OK_in_English_with_language_en_before_or_after_the_file()
    {
        using var file = TempFile.WithText(Exports.Good);
        var expected = (0, $"OK: 5 entries, head seq 5, hash {Exports.Head.Hash}\n", string.Empty);

        Assert.Equal(expected, Run("verify-audit", file.Path, "--language", "en"));
        Assert.Equal(expected, Run("verify-audit", "--language", "en", file.Path));
    }

    [Theory]
    [MemberData(nameof(Exports.TamperNames), MemberType = typeof(Exports))]
    public void A_tampered_export_reports_its_first_broken_entry_with_exit_code_1(string tamper)
    {
        var (text, expected) = Exports.Tampered[tamper];
        using var file = TempFile.WithText(text);

        var danish = Run("verify-audit", file.Path);
        var english = Run("verify-audit", file.Path, "--language", "en");

        Assert.Equal((1, $"FEJL: {expected.Message(Language.Danish)}\n", string.Empty), danish);
        Assert.Equal((1, $"BROKEN: {expected.Message(Language.English)}\n", string.Empty), english);
    }

    [Fact]
    public void A_missing_file_is_exit_code_2_with_its_path_on_stderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-export-{Guid.NewGuid():N}.jsonl");

        var (exitCode, output, error) = Run("verify-audit", path, "--language", "en");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"The file {path} does not exist.\n", error);
    }

    [Fact]
    public void A_directory_instead_of_a_file_is_unreadable_with_exit_code_2()
    {
        var (exitCode, output, error) = Run("verify-audit", Path.GetTempPath());

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"Filen {Path.GetTempPath()} kan ikke læses: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_unreadable_rather_than_reported_as_edited()
    {
        using var file = TempFile.WithBytes([.. System.Text.Encoding.UTF8.GetBytes(Exports.Good), 0xE6, 0xF8, (byte)'\n']);

        var (exitCode, output, error) = Run("verify-audit", file.Path);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"Filen {file.Path} kan ikke læses: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify-audit")]
    [InlineData("verify-audit", "a.jsonl", "b.jsonl")]
    [InlineData("verify-audit", "a.jsonl", "--language")]
    [InlineData("verify-audit", "a.jsonl", "--language", "de")]
    [InlineData("verify-audit", "a.jsonl", "--strict")]
    public void Wrong_arguments_print_the_usage_with_exit_code_2(params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("Brug: ", error, StringComparison.Ordinal);
        Assert.Contains("verify-audit <eksport.jsonl>", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = CommandLine.Run(args, output, error);
        Assert.NotNull(exitCode);
        return (exitCode.Value, output.ToString(), error.ToString());
    }
}
