using System.Text;
using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.Register.ImportFiles;

namespace Norddjurs.TeamsRisk.Core.Tests.Register;

public sealed class ContinuityPlanEncodingTests
{
    private static readonly string File = Lines(Required, "ØKO-1;Løn og økonomi;aktiv;søren@norddjurs.dk;Økonomi – Løn");

    [Fact]
    public void UTF8_with_BOM_is_read_as_UTF8()
    {
        var import = Import([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(File)]);

        Assert.Equal(CsvEncoding.Utf8WithBom, import.Encoding);
        Assert.Equal("Løn og økonomi", Single(import).Name);
    }

    [Fact]
    public void UTF8_without_BOM_is_read_as_UTF8()
    {
        var import = Import(Encoding.UTF8.GetBytes(File));

        Assert.Equal(CsvEncoding.Utf8, import.Encoding);
        Assert.Equal("ØKO-1", Single(import).SystemId);
    }

    [Fact]
    public void Windows_1252_from_Danish_Excel_keeps_æøå_and_the_dash()
    {
        // What "CSV (semikolonsepareret)" in Danish Excel writes: æ ø å Ø as E6 F8 E5 D8, the en dash as 0x96.
        var bytes = Latin(File.Replace("–", "\u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)0x01)] = 0x96;

        var import = Import(bytes);

        Assert.Equal(CsvEncoding.Windows1252, import.Encoding);
        var system = Single(import);
        Assert.Equal(("ØKO-1", "Løn og økonomi", "Økonomi – Løn"), (system.SystemId, system.Name, system.People.Department));
        Assert.Equal("søren@norddjurs.dk", system.People.SystemOwner.Upn);
    }

    [Fact]
    public void UTF16_is_refused_with_advice_to_save_as_CSV()
    {
        var problem = OneProblem(Import([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(File)]));

        Assert.Equal((1, ImportErrorCodes.EncodingUnsupported), (problem.Line, problem.Error.Code));
    }

    [Fact]
    public void A_BOM_followed_by_bytes_that_are_not_UTF8_is_a_damaged_file()
    {
        var problem = OneProblem(Import([0xEF, 0xBB, 0xBF, .. Latin(File.Replace('–', '-'))]));

        Assert.Equal(ImportErrorCodes.EncodingInvalid, problem.Error.Code);
    }

    private static byte[] Latin(string text) => text.Select(c => checked((byte)c)).ToArray();
}
