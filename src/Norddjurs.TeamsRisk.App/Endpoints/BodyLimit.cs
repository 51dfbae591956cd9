namespace Norddjurs.TeamsRisk.App.Endpoints;

/// <summary>The largest body an endpoint reads: 1 MB for JSON, more where a file is imported. Endpoint metadata.</summary>
internal sealed record BodyLimit(long Bytes)
{
    public static BodyLimit Json { get; } = new(1024 * 1024);

    public static BodyLimit CsvImport { get; } = new(Workflows.Register.ImportSystems.MaxFileBytes);

    /// <summary>The largest body any endpoint takes; Kestrel refuses bigger ones before they reach an endpoint.</summary>
    public static long Largest => CsvImport.Bytes;

    public static BodyLimit Of(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() ?? Json;
}
