using System.Globalization;
using System.Net;
using System.Text;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Graph.Reach;

/// <summary>A notification as a mail (graph-sharepoint.md §8.4): Danish first, then English, with a deep link into Teams.</summary>
internal sealed record NotificationMail(string Subject, string HtmlBody)
{
    /// <summary>Pure: the notification and the link in, subject and HTML out.</summary>
    public static NotificationMail Build(Notification notification, Uri deepLink)
    {
        var invited = notification.Template == NotificationTemplates.Invited;
        // The owner knows the system by its name; the register id only stands in for a notification written without one.
        var system = notification.Data.GetValueOrDefault("systemName") is { Length: > 0 } name ? name : notification.Data.GetValueOrDefault("systemId") ?? string.Empty;
        var assessment = notification.Data.GetValueOrDefault("assessmentId") ?? string.Empty;
        var deadline = DateOnly.TryParseExact(notification.Data.GetValueOrDefault("deadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : (DateOnly?)null;

        var refused = notification.Template == NotificationTemplates.ListEditRefused;
        string Subject(CultureInfo culture) => invited
            ? MailTexts.Get("mail.invited.subject", culture, ("system", system), ("deadline", DateText(deadline, culture)))
            : refused ? MailTexts.Get("mail.list_edit_refused.subject", culture) : MailTexts.Get("mail.notice.subject", culture);

        var body = new StringBuilder("<html><body>");
        foreach (var culture in new[] { MailTexts.Danish, MailTexts.English })
        {
            body.Append(CultureInfo.InvariantCulture, $"<div lang=\"{culture.TwoLetterISOLanguageName}\">");
            if (invited)
            {
                Paragraph(body, MailTexts.Get("mail.invited.body", culture, ("system", system), ("deadline", DateText(deadline, culture))));
                Paragraph(body, MailTexts.Get("mail.invited.why", culture));
                body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{WebUtility.HtmlEncode(deepLink.AbsoluteUri)}\">{WebUtility.HtmlEncode(MailTexts.Get("mail.invited.link", culture))}</a></p>");
                Paragraph(body, MailTexts.Get("mail.invited.reference", culture, ("assessment", assessment)));
            }
            else if (refused)
            {
                Paragraph(body, MailTexts.Get("mail.list_edit_refused.body", culture, ("assessment", assessment)));
                Paragraph(body, notification.Data.GetValueOrDefault("reason." + culture.TwoLetterISOLanguageName) ?? string.Empty);
            }
            else
            {
                Paragraph(body, MailTexts.Get("mail.notice.body", culture));
                body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{WebUtility.HtmlEncode(deepLink.AbsoluteUri)}\">{WebUtility.HtmlEncode(deepLink.AbsoluteUri)}</a></p>");
            }

            body.Append("</div><hr/>");
        }

        body.Length -= "<hr/>".Length;
        body.Append("</body></html>");
        return new NotificationMail($"{Subject(MailTexts.Danish)} / {Subject(MailTexts.English)}", body.ToString());
    }

    /// <summary>A chat with the bot opens the app for the person wherever Teams runs (personal scope).</summary>
    public static Uri DeepLinkToBot(string? botAppId) => string.IsNullOrWhiteSpace(botAppId)
        ? new Uri("https://teams.microsoft.com/")
        : new Uri($"https://teams.microsoft.com/l/chat/0/0?users=28:{Uri.EscapeDataString(botAppId.Trim())}");

    private static string DateText(DateOnly? date, CultureInfo culture) =>
        date?.ToString(culture.TwoLetterISOLanguageName == "da" ? "d. MMMM yyyy" : "d MMMM yyyy", culture) ?? string.Empty;

    private static void Paragraph(StringBuilder body, string text) => body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>");
}
