namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// §4.4: our budget is 28 KB per message, counted as Teams counts: UTF-16, two bytes per char (Danish letters and
/// JSON punctuation alike). Checked on the serialised body we would send, so nothing over it leaves.
/// </summary>
public static class MessageSizeBudget
{
    public const int MaxUtf16Bytes = 28 * 1024;

    public static int Utf16Bytes(string json) => json.Length * sizeof(char);

    public static bool Fits(string json) => Utf16Bytes(json) <= MaxUtf16Bytes;
}
