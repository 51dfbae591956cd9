using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Reach;
using Norddjurs.TeamsRisk.Workflows.Storage;
using Norddjurs.TeamsRisk.Workflows.Tests.UseCases;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Reach;

/// <summary>
/// An owner's invitation finds its way (issue 8 item 1): the bot's chat when there is one; otherwise the app installs
/// itself and the row waits for Teams' installationUpdate; otherwise a mail; and the coordinator reads which, and why.
/// </summary>
public sealed class OwnerReachTests : IDisposable
{
    private readonly World _world = new();
    private readonly RecordingTeams _teams = new();
    private readonly Chats _chats = new();
    private readonly Installer _installer;
    private readonly Mailer _mailer = new();

    public OwnerReachTests() => _installer = new Installer(_chats);

    public void Dispose() => _world.Dispose();

    private OwnerReachSender Sender => new(_teams, _chats, _installer, _mailer, _world.Directory, new RecordInvitationReach(_world.Store, _world.Time));

    [Fact]
    public async Task An_owner_the_bot_has_a_chat_with_is_invited_in_Teams()
    {
        var (row, assessmentId) = await InvitationAsync();
        _chats.Open(World.Owner);

        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row, World.Ct));

        Assert.Equal([row.Message.Id], _teams.Sent);
        Assert.Empty(_installer.Installs);
        Assert.Equal(("teams", (string?)null), await ReachAsync(assessmentId));
    }

    [Fact]
    public async Task Without_a_chat_the_app_is_installed_and_the_invitation_waits_for_Teams_then_goes_in_the_chat()
    {
        var (row, assessmentId) = await InvitationAsync();
        _installer.OpensChat = true;

        var first = await Sender.SendAsync(row, World.Ct);

        // The row stays first of the owner's messages until the installationUpdate has given the bot the chat.
        Assert.Equal(OwnerReachSender.ChatWait, Assert.IsType<DeliveryResult.RetryLater>(first).RetryAfter);
        Assert.Equal([World.Owner], _installer.Installs);
        Assert.Empty(_teams.Sent);
        Assert.Equal(("installing", (string?)null), await ReachAsync(assessmentId));

        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row with { Attempts = 1 }, World.Ct));
        Assert.Equal([row.Message.Id], _teams.Sent);
        Assert.Equal("teams", (await ReachAsync(assessmentId)).Reach);
    }

    [Fact]
    public async Task Where_the_app_cannot_be_installed_the_invitation_goes_by_mail_with_the_reason()
    {
        var (row, assessmentId) = await InvitationAsync();
        _installer.Answer = new AppInstallResult.Impossible("Graph 403 accessDenied");

        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row, World.Ct));

        var (notification, recipient) = Assert.Single(_mailer.Sent);
        Assert.Equal((NotificationTemplates.Invited, "alexw@norddjurs.example"), (notification.Template, recipient.Upn));
        Assert.Empty(_teams.Sent);
        Assert.Equal(("mail", "Teams: Graph 403 accessDenied"), await ReachAsync(assessmentId));
    }

    [Fact]
    public async Task An_installed_app_whose_chat_never_appears_falls_back_to_mail()
    {
        var (row, assessmentId) = await InvitationAsync();

        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row with { Attempts = OwnerReachSender.AttemptsBeforeMail - 1 }, World.Ct));

        Assert.Single(_mailer.Sent);
        Assert.Equal("mail", (await ReachAsync(assessmentId)).Reach);
    }

    [Fact]
    public async Task Without_Teams_and_without_a_mailbox_the_owner_is_not_reached_and_the_coordinator_reads_why()
    {
        var (row, assessmentId) = await InvitationAsync();
        _installer.Answer = new AppInstallResult.Impossible("Teams:AppCatalogId is not set");
        _mailer.IsConfigured = false;

        var failed = Assert.IsType<DeliveryResult.Failed>(await Sender.SendAsync(row, World.Ct));

        Assert.Contains("Mail:SenderUserId", failed.Reason, StringComparison.Ordinal);
        var (reach, reason) = await ReachAsync(assessmentId);
        Assert.Equal("notReached", reach);
        Assert.Contains("Teams:AppCatalogId", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_installation_is_retried_later_as_Graph_asked()
    {
        var (row, _) = await InvitationAsync();
        _installer.Answer = new AppInstallResult.RetryLater(TimeSpan.FromSeconds(30), "Graph 429");

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<DeliveryResult.RetryLater>(await Sender.SendAsync(row, World.Ct)).RetryAfter);
        Assert.Empty(_mailer.Sent);
    }

    [Fact]
    public async Task An_invitation_whose_attempts_run_out_is_stamped_not_reached_with_the_reason()
    {
        var (row, assessmentId) = await InvitationAsync();
        _chats.Open(World.Owner);
        _teams.Answer = new DeliveryResult.RetryLater(TimeSpan.FromSeconds(5), "Teams 429");
        var sender = new OwnerReachSender(_teams, _chats, _installer, _mailer, _world.Directory, new RecordInvitationReach(_world.Store, _world.Time)) { MaxAttempts = 3 };

        // Before the last attempt the row is only retried: the invitation is not stamped yet.
        Assert.IsType<DeliveryResult.RetryLater>(await sender.SendAsync(row with { Attempts = 1 }, World.Ct));
        Assert.Null(await RecordInvitationReach.ReadAsync(_world.Store, assessmentId, World.Ct));

        Assert.IsType<DeliveryResult.RetryLater>(await sender.SendAsync(row with { Attempts = 2 }, World.Ct));
        Assert.Equal(("notReached", "gave up after 3 attempts: Teams 429"), await ReachAsync(assessmentId));
    }

    [Fact]
    public async Task The_round_status_is_for_the_coordinator_and_the_committee_not_the_owner()
    {
        var (row, assessmentId) = await InvitationAsync();
        _chats.Open(World.Owner);
        await Sender.SendAsync(row, World.Ct);
        var query = new RoundStatusQuery(_world.Services, new Visibility(_world.Services.Roles));
        var roundId = assessmentId.Split(':')[0];

        Assert.IsType<Outcome<RoundStatus>.Forbidden>(await query.ReadAsync(Actor.Of(World.Tenant, World.Owner), roundId, World.Ct));
        Assert.IsType<Outcome<RoundStatus>.Done>(await query.ReadAsync(Actor.Of(World.Tenant, World.Committee), roundId, World.Ct));

        _world.Time.Advance(TimeSpan.FromDays(40));
        var status = Assert.IsType<Outcome<RoundStatus>.Done>(await query.ReadAsync(Actor.Of(World.Tenant, World.Coordinator), roundId, World.Ct)).Value;
        var homeCare = Assert.Single(status.Invitations, i => i.AssessmentId == assessmentId);
        Assert.Equal(("teams", "Alex Wilber", false, false, true), (homeCare.Reach, homeCare.OwnerName, homeCare.Opened, homeCare.Submitted, homeCare.Overdue));
        Assert.Equal("pending", Assert.Single(status.Invitations, i => i.AssessmentId != assessmentId).Reach);
    }

    [Fact]
    public async Task A_refused_list_edit_goes_to_its_editor_in_the_chat_or_else_by_mail_without_installing_the_app()
    {
        var notice = new Notification(NotificationTemplates.ListEditRefused, NotificationTarget.User(World.Stranger),
            new Dictionary<string, string> { ["assessmentId"] = "a-1", ["reason"] = "Kun udvalgets medlemmer …" });
        var row = new OutboxRow(notice.ToOutbox("list-edit:7:etag", 0, _world.Time.GetUtcNow()), OutboxStatus.Pending, 0, _world.Time.GetUtcNow(), null, null, null, 1);

        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row, World.Ct));
        Assert.Equal((World.Stranger, NotificationTemplates.ListEditRefused), (Assert.Single(_mailer.Sent).Recipient.ObjectId, _mailer.Sent[0].Notification.Template));
        Assert.Empty(_installer.Installs);
        Assert.Empty(_teams.Sent);

        _chats.Open(World.Stranger);
        Assert.IsType<DeliveryResult.Delivered>(await Sender.SendAsync(row, World.Ct));
        Assert.Equal([row.Message.Id], _teams.Sent);
    }

    private async Task<(OutboxRow Row, string AssessmentId)> InvitationAsync()
    {
        await Walk.InvitedAsync(_world);
        var due = await _world.Store.ReadDueOutboxAsync(_world.Time.GetUtcNow(), 100, World.Ct);
        var row = due.Single(r => StoreJson.Deserialize<Notification>(r.Message.PayloadJson) is { Template: NotificationTemplates.Invited } n && n.To.UserObjectId == World.Owner);
        return (row, StoreJson.Deserialize<Notification>(row.Message.PayloadJson).Data["assessmentId"]);
    }

    private async Task<(string Reach, string? Reason)> ReachAsync(string assessmentId)
    {
        var reach = await RecordInvitationReach.ReadAsync(_world.Store, assessmentId, World.Ct);
        Assert.NotNull(reach);
        return (reach.Channel switch { ReachChannel.Teams => "teams", ReachChannel.Mail => "mail", ReachChannel.Installing => "installing", _ => "notReached" }, reach.Reason);
    }

    private sealed class RecordingTeams : IOutboxSender
    {
        public List<string> Sent { get; } = [];

        public DeliveryResult Answer { get; set; } = new DeliveryResult.Delivered();

        public Task<DeliveryResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
        {
            if (Answer is DeliveryResult.Delivered)
            {
                Sent.Add(row.Message.Id);
            }

            return Task.FromResult(Answer);
        }
    }

    private sealed class Chats : IPersonalChats
    {
        private readonly HashSet<string> _open = new(StringComparer.OrdinalIgnoreCase);

        public void Open(string user) => _open.Add(user);

        public Task<bool> HasChatWithAsync(string userObjectId, CancellationToken cancellationToken) => Task.FromResult(_open.Contains(userObjectId));
    }

    /// <summary>Graph's install; with <see cref="OpensChat"/> Teams' installationUpdate follows and the bot has the chat.</summary>
    private sealed class Installer(Chats chats) : ITeamsAppInstaller
    {
        public AppInstallResult Answer { get; set; } = new AppInstallResult.Installed("19:chat@unq.gbl.spaces");

        public bool OpensChat { get; set; }

        public List<string> Installs { get; } = [];

        public Task<AppInstallResult> InstallForAsync(string userObjectId, CancellationToken cancellationToken)
        {
            Installs.Add(userObjectId);
            if (OpensChat && Answer is AppInstallResult.Installed)
            {
                chats.Open(userObjectId);
            }

            return Task.FromResult(Answer);
        }
    }

    private sealed class Mailer : IInvitationMailer
    {
        public bool IsConfigured { get; set; } = true;

        public List<(Notification Notification, DirectoryUser Recipient)> Sent { get; } = [];

        public Task<DeliveryResult> SendAsync(Notification notification, DirectoryUser recipient, CancellationToken cancellationToken)
        {
            Sent.Add((notification, recipient));
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Delivered());
        }
    }
}
