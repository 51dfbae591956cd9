using System.Text;
using System.Text.Unicode;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>How the bytes of an imported file were read.</summary>
public enum CsvEncoding
{
    Utf8WithBom,
    Utf8,

    /// <summary>What Danish Excel writes for "CSV (semikolonsepareret)": æøå as single bytes.</summary>
    Windows1252,
}

/// <summary>Turns file bytes into text: BOM → UTF-8; valid UTF-8 → UTF-8; anything else → Windows-1252.</summary>
internal static class CsvDecoding
{
    // Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five bytes it leaves undefined map to the C1 controls.
    private const string High1252 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The error code when the bytes cannot be read, else null.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string text, out CsvEncoding encoding)
    {
        text = string.Empty;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // A BOM promises UTF-8; if the rest breaks that promise, the file is damaged, not Windows-1252.
            encoding = CsvEncoding.Utf8WithBom;
            bytes = bytes[3..];
            return Utf8.IsValid(bytes) ? Read(bytes, out text) : ImportErrorCodes.EncodingInvalid;
        }

        encoding = CsvEncoding.Utf8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            // UTF-16/32 is what Excel's "Unicode text" writes; the template asks for CSV instead.
            return ImportErrorCodes.EncodingUnsupported;
        }

        if (Utf8.IsValid(bytes))
        {
            return Read(bytes, out text);
        }

        encoding = CsvEncoding.Windows1252;
        text = Windows1252(bytes);
        return null;
    }

    private static string? Read(ReadOnlySpan<byte> bytes, out string text)
    {
        text = StrictUtf8.GetString(bytes);
        return null;
    }

    private static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? High1252[b - 0x80] : (char)b;
        }

        return new string(chars);
    }
}
