using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// Collects one change — document writes, the audit intents that record it and the messages it sends — and commits
/// it as one (design.md §2.3). Audit entry and outbox ids derive from the idempotency key, so they are stable.
/// </summary>
public sealed class ChangeSet(Request request, AuditActor actor, DateTimeOffset now)
{
    private readonly List<DocumentWrite> _writes = [];
    private readonly List<AuditIntent> _audit = [];
    private readonly List<Notification> _notifications = [];
    private CommitResult.Committed? _committed;

    public DateTimeOffset Now => now;

    /// <summary>Who makes the change, as the audit entry names them.</summary>
    public AuditActor Actor => actor;

    public ChangeSet Write(DocumentWrite write)
    {
        _writes.Add(write);
        return this;
    }

    public ChangeSet Create<T>(string kind, string id, T value, IReadOnlyDictionary<string, string>? index = null) =>
        Write(DocumentWrite.Create(kind, id, StoreJson.Serialize(value), index));

    public ChangeSet Audit(AuditAction action, AuditSubject subject, AuditContext? context = null,
        JsonNode? inputs = null, JsonNode? computed = null, JsonNode? decision = null, JsonNode? before = null, JsonNode? after = null, JsonNode? measures = null)
    {
        _audit.Add(new AuditIntent($"{request.IdempotencyKey}#a{_audit.Count}", now, actor, request.Channel, request.Correlation, action, subject)
        {
            Context = context,
            Inputs = inputs,
            Computed = computed,
            Decision = decision,
            Before = before,
            After = after,
            Measures = measures,
        });
        return this;
    }

    public ChangeSet Notify(Notification notification)
    {
        _notifications.Add(notification);
        return this;
    }

    public Task<Outcome<T>> CommitAsync<T>(IDocumentStore store, T result, CancellationToken cancellationToken) =>
        CommitAsync((change, ct) => store.CommitAsync(change, ct), result, cancellationToken);

    /// <summary>
    /// Commits through another all-or-nothing store operation that takes the change with it (a dead letter's
    /// requeue), mapped to an outcome like any change.
    /// </summary>
    public async Task<Outcome<T>> CommitAsync<T>(Func<StoreChange, CancellationToken, Task<CommitResult>> commit, T result, CancellationToken cancellationToken)
    {
        var outbox = _notifications.Select((n, i) => n.ToOutbox(request.IdempotencyKey, i, now)).ToList();
        var change = new StoreChange(request.IdempotencyKey, _writes, _audit, outbox, StoreJson.Serialize(result));
        var committed = await commit(change, cancellationToken).ConfigureAwait(false);
        _committed = committed as CommitResult.Committed;
        return committed switch
        {
            CommitResult.Committed => new Outcome<T>.Done(result),
            CommitResult.Replayed replayed => new Outcome<T>.Done(replayed.ResultJson is null ? result : StoreJson.Deserialize<T>(replayed.ResultJson), Replayed: true),
            _ => new Outcome<T>.Conflict(),
        };
    }

    /// <summary>
    /// A document as this change left it, once the change committed now (not on a replay or conflict): what a caller shows
    /// next without reading it back (design.md §2, latency budget).
    /// </summary>
    public StoredDocument? Written(string kind, string id) =>
        _committed is { } committed && _writes.LastOrDefault(w => w.Kind == kind && w.Id == id) is { } write
            ? new StoredDocument(kind, id, committed.VersionOf(kind, id), write.Json, write.Index)
            : null;
}
