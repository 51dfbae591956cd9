using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Bot.Tests.Outbound;

/// <summary>Each follow-up notice (design.md §7) reaches its reader with its own title, in Danish and English, within the card budget.</summary>
public sealed class FollowUpNotificationTests : IDisposable
{
    private readonly SenderWorld _world = new();

    public void Dispose() => _world.Dispose();

    public static TheoryData<string, string, string, string> Templates() => new()
    {
        { NotificationTemplates.OwnerReminder, "Danish", "Påmindelse: risikovurdering", "Frist" },
        { NotificationTemplates.OwnerReminder, "English", "Reminder: risk assessment", "Deadline" },
        { NotificationTemplates.OwnerOverdue, "Danish", "Risikovurdering over fristen", "Frist" },
        { NotificationTemplates.OwnerOverdue, "English", "Risk assessment overdue", "Deadline" },
        { NotificationTemplates.CommitteeReviewOverdue, "Danish", "Gennemgang over fristen", "Frist" },
        { NotificationTemplates.CommitteeReviewOverdue, "English", "Review overdue", "Deadline" },
        { NotificationTemplates.DecisionOverdue, "Danish", "Beslutning over fristen", "Frist" },
        { NotificationTemplates.DecisionOverdue, "English", "Decision overdue", "Deadline" },
        { NotificationTemplates.MeasureReminder, "Danish", "Påmindelse: foranstaltning", "Foranstaltning" },
        { NotificationTemplates.MeasureReminder, "English", "Reminder: measure", "Measure" },
        { NotificationTemplates.MeasureOverdue, "Danish", "Foranstaltning forsinket", "Foranstaltning" },
        { NotificationTemplates.MeasureOverdue, "English", "Measure overdue", "Measure" },
        { NotificationTemplates.AcceptanceExpired, "Danish", "Accept af risiko udløbet", "Frist" },
        { NotificationTemplates.AcceptanceExpired, "English", "Risk acceptance expired", "Deadline" },
        { NotificationTemplates.ReassessmentDue, "Danish", "Ny risikovurdering påkrævet", "Frist" },
        { NotificationTemplates.ReassessmentDue, "English", "New risk assessment required", "Deadline" },
        { NotificationTemplates.DpfRecheckDue, "Danish", "Tjek af DPF-certificering", "Frist" },
        { NotificationTemplates.DpfRecheckDue, "English", "Check DPF certification", "Deadline" },
        { NotificationTemplates.MeasuresCompleted, "Danish", "Foranstaltninger gennemført", "Foranstaltning" },
        { NotificationTemplates.MeasuresCompleted, "English", "Measures completed", "Measure" },
        { NotificationTemplates.LegalChange, "Danish", "Ændret retsgrundlag for overførsel", "Frist" },
        { NotificationTemplates.LegalChange, "English", "Legal basis of transfer changed", "Deadline" },
    };

    [Theory, MemberData(nameof(Templates))]
    public async Task A_follow_up_notice_renders_with_its_title_and_facts_within_the_budget(string template, string language, string title, string fact)
    {
        await _world.References.SaveAsync(SenderWorld.Personal(), SenderWorld.Ct);
        await _world.PreferAsync(SenderWorld.Alex, language);
        var data = new Dictionary<string, string>
        {
            ["noticeKey"] = "measure-overdue:measure:A-17%3Anet:2026-06-20:after-0d-areaManager",
            ["assessmentId"] = "round-1:oms-01",
            ["systemId"] = "OMS-01",
            ["deadline"] = "2026-06-20",
            ["measure"] = "Ekstra internetlinje fra en anden leverandør",
        };
        if (!template.StartsWith("followup.measure", StringComparison.Ordinal))
        {
            data.Remove("measure");
        }

        var result = await _world.Sender.SendAsync(SenderWorld.Notify(new Notification(template, NotificationTarget.User(SenderWorld.Alex), data)), SenderWorld.Ct);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var message = Assert.IsType<CardMessage>(Assert.Single(_world.Connector.Calls).Message);
        Assert.Equal(title, (string?)message.Card["body"]![0]!["text"]);
        Assert.Contains($"\"{fact}\"", message.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.True(CardSize.Fits(message.Card));
    }
}
