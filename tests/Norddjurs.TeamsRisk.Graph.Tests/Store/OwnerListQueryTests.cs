using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Graph.Tests.Support;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Testing.Register;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorHandler = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulatorHandler;

namespace Norddjurs.TeamsRisk.Graph.Tests.Store;

/// <summary>
/// An owner's list (the bot's <c>start</c> card, the welcome card's count, the tab's list) on SharePoint: the systems, then
/// every owned system's assessments at once, so two sequential round trips whatever the number of systems (design.md §2).
/// </summary>
public sealed class OwnerListQueryTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Owner = "00000000-0000-0000-0000-0000000000020";
    private const string OwnerUpn = "alex.wilber@norddjurs.example";

    [Fact]
    public async Task The_list_of_an_owner_of_25_systems_is_one_get_and_two_batches_side_by_side()
    {
        var emulator = new Emulator();
        var site = await TestSite.ProvisionAsync(emulator);
        var wire = new RoundTripWaves(new EmulatorHandler(emulator));
        var store = await GraphRiskStore.OpenAsync(
            new GraphServiceClient(GraphClientFactory.Create(finalHandler: wire), new AnonymousAuthenticationProvider(), TestSite.BaseUrl), TestSite.Options, null, CancellationToken.None);
        var seeded = await RegisterSeed.SeedAsync(store, Examples.Method, Examples.Catalogue, systems: 25, linesPerSystem: 1, DateTimeOffset.UtcNow, Owner, OwnerUpn);
        var directory = new InMemoryDirectory(Tenant);
        directory.Add(Owner, OwnerUpn, "Alex Wilber");
        var roles = new RoleResolver(directory, new RoleGroups(null, null, null, null));
        var queries = new AssessmentQueries(
            new UseCaseServices(store, directory, roles, new KnownMethodVersions(Examples.Method, Examples.Catalogue), TimeProvider.System), new Visibility(roles));

        // The seeding's clearing, which follows its answers, is done before counting.
        await store.HousekeepingSettled();

        // Latency keeps each request in flight long enough that a request sent after another's answer is seen as such.
        emulator.Options.Latency = TimeSpan.FromMilliseconds(20);
        var mark = emulator.RequestLog.Count;
        wire.Reset();
        var listed = await queries.ListStoredAsync(Actor.Of(Tenant, Owner), mine: true, CancellationToken.None);

        var requests = emulator.RequestLog.Skip(mark).ToList();
        Assert.Equal(seeded.Select(r => r.Id).Order(StringComparer.Ordinal), listed.Select(l => l.Summary.Id));
        Assert.All(listed, l => Assert.StartsWith("System ", l.Summary.SystemName, StringComparison.Ordinal));
        Assert.Equal(
            ["GET", "POST $batch", "POST $batch"],
            requests.Where(e => !e.IsBatchStep).Select(e => e.Method == "GET" ? "GET" : $"{e.Method} {e.Target.Split('?')[0].Split('/')[^1]}").Order(StringComparer.Ordinal));
        Assert.Equal(25, requests.Count(e => e.IsBatchStep && e.Method == "GET"));
        Assert.Equal(2, wire.Waves);
    }

    /// <summary>
    /// Counts sequential round trips: a wave starts when a request leaves while none is in flight, so requests sent side by
    /// side are one wave and a request sent after another's answer is the next.
    /// </summary>
    private sealed class RoundTripWaves(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Lock _gate = new();
        private int _inFlight;
        private int _waves;

        public int Waves
        {
            get
            {
                lock (_gate)
                {
                    return _waves;
                }
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _waves = 0;
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_inFlight++ == 0)
                {
                    _waves++;
                }
            }

            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }
    }
}
