using System.Globalization;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

// Usage: CrashProbe <database path>. Commits change n = 0, 1, 2, … (a document, an audit intent and an outbox row,
// all numbered n) and prints "committed n" after each, until the test kills it. A pause after every statement keeps
// most of the run inside a transaction, so the kill usually lands in the middle of a change.
var store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = args[0] });
store.FaultInjection = _ => Thread.Sleep(1);
var actor = new AuditActor("oid-probe", "probe@norddjurs.dk", "Probe", ["system"]);
for (var n = 0; ; n++)
{
    var id = n.ToString(CultureInfo.InvariantCulture);
    var now = TimeProvider.System.GetUtcNow();
    var intent = new AuditIntent($"e-{id}", now, actor, AuditChannel.Scheduler, $"probe-{id}", AuditAction.RiskScored, new AuditSubject("assessment", $"a-{id}"));
    var change = new StoreChange(
        $"probe/{id}",
        [DocumentWrite.Create(DocumentKinds.Assessment, $"a-{id}", $$"""{"n":{{id}}}""")],
        [intent],
        [new OutboxMessage($"o-{id}", OutboxKinds.TeamsSend, $"conv-{id}", "{}", now)],
        null);
    await store.CommitAsync(change, CancellationToken.None);
    Console.Out.WriteLine($"committed {id}");
    Console.Out.Flush();
}
