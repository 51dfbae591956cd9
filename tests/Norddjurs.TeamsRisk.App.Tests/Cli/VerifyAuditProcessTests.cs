using System.Diagnostics;

namespace Norddjurs.TeamsRisk.App.Tests.Cli;

/// <summary>The README's verify command as a real process: the built App dll, no web host.</summary>
public sealed class VerifyAuditProcessTests
{
    [Fact]
    public async Task The_app_dll_verifies_a_good_export_with_exit_code_0()
    {
        using var file = TempFile.WithText(Exports.Good);

        var (exitCode, output) = await RunAppAsync("verify-audit", file.Path);

        Assert.Equal((0, $"OK: 5 poster, hoved seq 5, hash {Exports.Head.Hash}"), (exitCode, output.TrimEnd()));
    }

    [Fact]
    public async Task The_app_dll_reports_a_tampered_export_with_exit_code_1()
    {
        var (text, expected) = Exports.Tampered["edited"];
        using var file = TempFile.WithText(text);

        var (exitCode, output) = await RunAppAsync("verify-audit", file.Path, "--language", "en");

        Assert.Equal((1, $"BROKEN: {expected.Message(Core.Language.English)}"), (exitCode, output.TrimEnd()));
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(params string[] args)
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "Norddjurs.TeamsRisk.App.dll");
        var start = new ProcessStartInfo("dotnet", [appDll, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // Bounded: a command that started the web host instead would never exit.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit; stderr: {await error}");
        }

        Assert.Equal(string.Empty, await error);
        return (process.ExitCode, await output);
    }
}
