using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// The message size budget (teams-bot-protocol.md §4.4): the activity that carries the card, serialised and counted
/// as UTF-16, at most 28 KB, so it fits every path that posts it (the Graph connector's limit is the smallest).
/// </summary>
public static class CardSize
{
    public const int LimitBytes = 28 * 1024;

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The message activity a bot sends with this card as its only attachment (no text: §4.4).</summary>
    public static JsonObject Activity(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = card.DeepClone() }),
    };

    /// <summary>The activity's serialised size in UTF-16 bytes: two per char, surrogate pairs counting as two chars.</summary>
    public static int Utf16Bytes(JsonObject card) => CardJson.Serialize(Activity(card)).Length * sizeof(char);

    public static bool Fits(JsonObject card) => Utf16Bytes(card) <= LimitBytes;

    /// <summary>The card when its activity fits; otherwise the bot must not send it.</summary>
    public static JsonObject EnsureFits(JsonObject card)
    {
        var size = Utf16Bytes(card);
        return size <= LimitBytes
            ? card
            : throw new CardTooLargeException(size);
    }
}

/// <summary>A card whose activity is over <see cref="CardSize.LimitBytes"/> (Teams answers 413 MessageSizeTooBig).</summary>
public sealed class CardTooLargeException(int sizeBytes)
    : InvalidOperationException($"The card's activity is {sizeBytes} bytes as UTF-16; the limit is {CardSize.LimitBytes}.")
{
    public int SizeBytes { get; } = sizeBytes;
}
