namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>
/// <c>Teams:AppCatalogId</c> (design.md §10): the app's id in the tenant's catalogue, for installing it for a person
/// (graph-sharepoint.md §8.5). Unset: the app is never installed proactively and a person without a chat gets mail.
/// </summary>
public sealed class TeamsAppInstallOptions
{
    public const string Section = "Teams";

    public string? AppCatalogId { get; set; }
}

/// <summary>
/// <c>Mail:SenderUserId</c> (design.md §10): the mailbox the mail fallback is sent as (graph-sharepoint.md §8.4);
/// unset turns the fallback off. <see cref="BotAppId"/> is the bot's app id (<c>Bot:AppId</c>) the mail's deep link opens a chat with.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SenderUserId { get; set; }

    public string? BotAppId { get; set; }
}
