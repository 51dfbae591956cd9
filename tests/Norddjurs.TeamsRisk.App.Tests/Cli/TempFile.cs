namespace Norddjurs.TeamsRisk.App.Tests.Cli;

/// <summary>A file in its own temporary directory, deleted with the directory after the test.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("teamsrisk-cli-").FullName;

    private TempFile(string name) => Path = System.IO.Path.Combine(_directory, name);

    public string Path { get; }

    public static TempFile WithText(string text, string name = "export.jsonl")
    {
        var file = new TempFile(name);
        File.WriteAllText(file.Path, text);
        return file;
    }

    public static TempFile WithBytes(byte[] bytes)
    {
        var file = new TempFile("export.jsonl");
        File.WriteAllBytes(file.Path, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
