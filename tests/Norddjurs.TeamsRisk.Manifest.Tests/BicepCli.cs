using System.Diagnostics;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>The Bicep CLI from the pinned NuGet package (no download, no network), run on a file in infra/.</summary>
internal static class BicepCli
{
    private static string Executable
    {
        get
        {
            var path = Path.Combine(RepoPaths.BicepPackage, "tools", "bicep");
            Assert.True(File.Exists(path), $"the Bicep CLI is missing at {path} (dotnet restore brings it)");
            // NuGet does not always keep the executable bit when it extracts a package (the package is linux-x64 only).
            if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = RepoPaths.Infra,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep " + string.Join(' ', args));
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
