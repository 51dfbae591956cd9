using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Bot.Conversations;

/// <summary>
/// How a conversation reference is kept as a document of kind <c>conversationReference</c> (teams-bot-protocol.md §5.2):
/// one document per conversation, its id derived from the conversation id without a channel thread's
/// <c>;messageid=</c> suffix, so every thread of a channel refreshes the same document.
/// </summary>
internal static class ConversationReferenceDocuments
{
    public const string UserObjectId = "userObjectId";
    public const string ConversationType = "conversationType";
    public const string ChannelId = "channelId";

    private const string ThreadSuffix = ";messageid=";

    public static string IdOf(string conversationId)
    {
        var cut = conversationId.IndexOf(ThreadSuffix, StringComparison.OrdinalIgnoreCase);
        return StableIds.From("conversation", cut < 0 ? conversationId : conversationId[..cut]);
    }

    /// <summary>Users are found by lower-case object id in their personal chat; channels by their Teams channel id.</summary>
    public static IReadOnlyDictionary<string, string> IndexOf(ConversationReference reference)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal) { [ConversationType] = reference.ConversationType };
        if (reference.ConversationType == ConversationTypes.Personal && !string.IsNullOrWhiteSpace(reference.UserAadObjectId))
        {
            index[UserObjectId] = reference.UserAadObjectId.ToLowerInvariant();
        }

        if (reference.ConversationType == ConversationTypes.Channel && !string.IsNullOrWhiteSpace(reference.ChannelId))
        {
            index[ChannelId] = reference.ChannelId;
        }

        return index;
    }
}
