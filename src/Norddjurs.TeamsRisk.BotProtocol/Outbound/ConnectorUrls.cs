namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// §3.2: the service URL without its trailing slash (Teams has one, the Playground not) + <c>/v3/…</c>, every id
/// escaped as one path segment — conversation ids carry <c>:</c>, <c>;messageid=</c> and <c>@</c>.
/// </summary>
internal static class ConnectorUrls
{
    public static Uri Conversations(Uri serviceUrl) => new($"{Base(serviceUrl)}/v3/conversations");

    public static Uri Activities(Uri serviceUrl, string conversationId) =>
        new($"{Base(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    public static Uri Activity(Uri serviceUrl, string conversationId, string activityId) =>
        new($"{Activities(serviceUrl, conversationId).AbsoluteUri}/{Uri.EscapeDataString(activityId)}");

    private static string Base(Uri serviceUrl) => serviceUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
