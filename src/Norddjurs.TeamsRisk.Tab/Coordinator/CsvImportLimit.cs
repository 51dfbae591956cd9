namespace Norddjurs.TeamsRisk.Tab.Coordinator;

/// <summary>The largest CSV the tab reads: the same 5 MB as the App's <c>BodyLimit.CsvImport</c> for the API (the Tab cannot reference App).</summary>
public static class CsvImportLimit
{
    public const long Bytes = 5 * 1024 * 1024;
}
