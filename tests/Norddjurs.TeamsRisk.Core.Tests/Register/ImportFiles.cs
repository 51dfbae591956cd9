using System.Text;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

/// <summary>Small CSV files for the import tests: the required columns plus what a test adds.</summary>
internal static class ImportFiles
{
    public const string Required = "systemId;name;status;systemOwner;department";
    public const string GoodRow = "SYS-1;Omsorgssystem;aktiv;anne@norddjurs.dk;Sundhed";

    public static readonly DateTimeOffset At = new(2026, 3, 3, 9, 30, 0, TimeSpan.FromHours(1));
    public static readonly PersonRef Coordinator = PersonRef.FromUpn("koordinator@norddjurs.dk");

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static ContinuityPlanImport Import(string text, string file = "planer.csv") =>
        ContinuityPlanCsv.Parse(Encoding.UTF8.GetBytes(text), file, At, Coordinator);

    public static ContinuityPlanImport Import(byte[] bytes, string file = "planer.csv") =>
        ContinuityPlanCsv.Parse(bytes, file, At, Coordinator);

    /// <summary>The required columns and one more, with one good row carrying <paramref name="value"/> in it.</summary>
    public static ContinuityPlanImport WithCell(string column, string value) =>
        Import(Lines($"{Required};{column}", $"{GoodRow};{Quote(value)}"));

    public static CriticalSystem Single(ContinuityPlanImport import)
    {
        Assert.True(import.IsSuccess, string.Join(Environment.NewLine, import.Problems));
        return Assert.Single(import.Systems);
    }

    public static ImportProblem OneProblem(ContinuityPlanImport import)
    {
        Assert.Empty(import.Systems);
        return Assert.Single(import.Problems);
    }

    private static string Quote(string value) =>
        value.Contains(';', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
