namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>Reads a document embedded in Core (the default method and catalogue). Not I/O: it is part of the assembly.</summary>
internal static class EmbeddedData
{
    public static byte[] Read(string resourceName)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
