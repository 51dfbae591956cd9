using System.Globalization;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

// Usage: CrashProbe <database path> [hang at n]. Commits change n = 0, 1, 2, … (a document, an audit intent and an
// outbox row, all numbered n) and prints "committed n" after each, until the test kills it.
// - Without "hang at": a pause after every statement keeps most of the run inside a transaction, so the kill
//   usually lands in the middle of a change.
// - With "hang at n": change n stops inside its transaction once its document, intent and outbox row are written,
//   prints "in-flight n" and waits to be killed: a kill in the middle of a change for certain.
var store = SqliteRiskStore.Open(new SqliteStoreOptions { Path = args[0] });
int? hangAt = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
var current = 0;
store.FaultInjection = step =>
{
    if (current == hangAt && step == "outbox")
    {
        Console.Out.WriteLine($"in-flight {current}");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    Thread.Sleep(1);
};

var actor = new AuditActor("oid-probe", "probe@norddjurs.dk", "Probe", ["system"]);
for (; ; current++)
{
    var id = current.ToString(CultureInfo.InvariantCulture);
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
