using Norddjurs.TeamsRisk.Sqlite;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Storage.Tests;

/// <summary>The contract on a real SQLite file in a temp folder; a second instance is a second store on the same file.</summary>
public sealed class SqliteRiskStoreTests : RiskStoreContract, IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SqliteRiskStore _store;

    public SqliteRiskStoreTests()
    {
        _store = _database.Open(Clock);
    }

    protected override IRiskStore Store => _store;

    protected override IRiskStore OpenSecondInstance() => _database.Open(Clock);

    protected override IRiskStore OpenFailingAfter(string step)
    {
        var failing = _database.Open(Clock);
        failing.FaultInjection = done =>
        {
            if (done == step)
            {
                throw new IOException($"Injected fault after {step}.");
            }
        };
        return failing;
    }

    public void Dispose() => _database.Dispose();
}
