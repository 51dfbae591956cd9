using Norddjurs.TeamsRisk.Graph.Connection;
using Norddjurs.TeamsRisk.Graph.Reach;
using Norddjurs.TeamsRisk.GraphEmulator;
using Norddjurs.TeamsRisk.GraphEmulator.Users;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;

namespace Norddjurs.TeamsRisk.Graph.Tests.Reach;

/// <summary>The mail fallback through Graph sendMail (graph-sharepoint.md §8.4) against the emulator.</summary>
public sealed class GraphMailSenderTests
{
    private const string Sender = "informationssikkerhed@norddjurs.dk";
    private const string Owner = "0a6f3c1e-2b4d-4f8a-9e1c-3d5b7f9a1c01";
    private const string BotAppId = "7d2e5f10-0000-4000-8000-00000000b0b0";

    private readonly Emulator _emulator = new();
    private readonly GraphMailSender _mailer;

    public GraphMailSenderTests()
    {
        _emulator.SeedUser(new UserState("5e0d0000-0000-4000-8000-000000000001", Sender, "Informationssikkerhed"));
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));
        _mailer = new GraphMailSender(graph, new MailOptions { SenderUserId = Sender, BotAppId = BotAppId });
    }

    private static Notification Invitation() => new(NotificationTemplates.Invited, NotificationTarget.User(Owner), new Dictionary<string, string>
    {
        ["assessmentId"] = "round-1:OMS-01",
        ["systemId"] = "OMS-01",
        ["systemName"] = "Omsorgssystem",
        ["deadline"] = "2027-01-15",
    });

    [Fact]
    public async Task The_invitation_is_mailed_Danish_first_with_English_and_a_deep_link_to_the_bot()
    {
        var result = await _mailer.SendAsync(Invitation(), new DirectoryUser("t", Owner, "alex.wilber@norddjurs.dk", "Alex Wilber"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var mail = Assert.Single(_emulator.SentMail);
        Assert.Equal(["alex.wilber@norddjurs.dk"], mail.To);
        Assert.False(mail.SaveToSentItems);
        Assert.Equal("Risikovurdering af Omsorgssystem: frist 15. januar 2027 / Risk assessment of Omsorgssystem: due 15 January 2027", mail.Subject);
        Assert.Contains($"https://teams.microsoft.com/l/chat/0/0?users=28:{BotAppId}", mail.Body, StringComparison.Ordinal);
        Assert.True(mail.Body!.IndexOf("Åbn risikovurderingen", StringComparison.Ordinal) < mail.Body.IndexOf("Open the risk assessment", StringComparison.Ordinal));
        Assert.Contains("round-1:OMS-01", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Du er ejer af systemet Omsorgssystem", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sender_mailbox_that_does_not_exist_is_a_final_failure()
    {
        var graph = GraphClientBuilder.Build(new GraphOptions { BaseUrl = "http://127.0.0.1/v1.0" }, new GraphEmulatorHandler(_emulator));
        var mailer = new GraphMailSender(graph, new MailOptions { SenderUserId = "nobody@norddjurs.dk" });

        var result = await mailer.SendAsync(Invitation(), new DirectoryUser("t", Owner, "alex.wilber@norddjurs.dk", "Alex Wilber"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Failed>(result);
        Assert.Empty(_emulator.SentMail);
    }
}
