using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Jobs;

/// <summary>Changes as the use cases commit them: notifications as outbox rows, audit intents, nothing else.</summary>
internal static class Commits
{
    public static CancellationToken Ct => CancellationToken.None;

    /// <summary>An invitation to one user, as <see cref="Notification.ToOutbox"/> stores it; the data names a person.</summary>
    public static Notification Invitation(string userObjectId, string systemName = "Omsorgssystem") =>
        new(NotificationTemplates.Invited, NotificationTarget.User(userObjectId), new Dictionary<string, string> { ["systemName"] = systemName, ["ownerName"] = "Anne Ejer" });

    public static async Task<IReadOnlyList<OutboxMessage>> NotifyAsync(IDocumentStore store, string changeKey, DateTimeOffset now, params Notification[] notifications)
    {
        var outbox = notifications.Select((n, i) => n.ToOutbox(changeKey, i, now)).ToList();
        await CommitAsync(store, new StoreChange(changeKey, [], [], outbox, null));
        return outbox;
    }

    public static async Task<OutboxMessage> SendAsync(IDocumentStore store, string changeKey, OutboxMessage message)
    {
        await CommitAsync(store, new StoreChange(changeKey, [], [], [message], null));
        return message;
    }

    public static Task RecordAsync(IDocumentStore store, string changeKey, params AuditIntent[] intents) =>
        CommitAsync(store, new StoreChange(changeKey, [], intents, [], null));

    private static async Task CommitAsync(IDocumentStore store, StoreChange change) =>
        Assert.IsType<CommitResult.Committed>(await store.CommitAsync(change, Ct));
}
