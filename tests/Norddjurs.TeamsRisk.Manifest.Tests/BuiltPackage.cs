using System.IO.Compression;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.App.Cli;

namespace Norddjurs.TeamsRisk.Manifest.Tests;

/// <summary>The package as the command builds it from the committed template, opened once for the tests that read it.</summary>
public sealed class BuiltPackage
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string BotId = "9a3c5b71-2d4e-4f60-8b1a-7c9d0e1f2a3b";
    public const string Host = "teamsrisk-norddjurs.azurewebsites.net";

    public BuiltPackage()
    {
        var directory = Directory.CreateTempSubdirectory("teamsrisk-package-");
        try
        {
            var zipPath = Path.Combine(directory.FullName, "teamsrisk.zip");
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = CommandLine.Run(["package", "--app-id", AppId, "--bot-id", BotId, "--host", Host, "--out", zipPath], output, error);
            if (exit != ExitCodes.Ok)
            {
                throw new InvalidOperationException($"package exited {exit}: {error}");
            }

            using var zip = ZipFile.OpenRead(zipPath);
            Entries = zip.Entries.ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    public string ManifestText => System.Text.Encoding.UTF8.GetString(Entries["manifest.json"]);

    public string EnglishText => System.Text.Encoding.UTF8.GetString(Entries["en.json"]);

    public JsonObject Manifest => JsonNode.Parse(ManifestText)!.AsObject();

    public JsonObject English => JsonNode.Parse(EnglishText)!.AsObject();

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
