using Norddjurs.TeamsRisk.Graph.Reach;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Graph.Tests.Reach;

public sealed class ListEditRefusedMailTests
{
    [Fact]
    public void The_mail_to_an_editor_whose_list_edit_was_put_back_says_why_in_Danish_first_then_English()
    {
        var notice = new Notification(NotificationTemplates.ListEditRefused, NotificationTarget.User("u-1"), new Dictionary<string, string>
        {
            ["assessmentId"] = "a-1",
            ["reason.da"] = "Kun udvalgets medlemmer kan sætte beslutningen.",
            ["reason.en"] = "Only members of the committee can set the decision.",
        });

        var mail = NotificationMail.Build(notice, NotificationMail.DeepLinkToBot("bot-id"));

        Assert.Equal("Din ændring i risikovurderingslisten er ført tilbage / Your change in the risk assessment list was put back", mail.Subject);
        var danish = mail.HtmlBody.IndexOf("Kun udvalgets medlemmer", StringComparison.Ordinal);
        var english = mail.HtmlBody.IndexOf("Only members of the committee", StringComparison.Ordinal);
        Assert.InRange(danish, 0, english - 1);
        Assert.Contains("vurderingen a-1", mail.HtmlBody, StringComparison.Ordinal);
    }
}
