using System.Globalization;
using System.Text;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Graph.Store;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Register;
using Emulator = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulator;
using EmulatorHandler = Norddjurs.TeamsRisk.GraphEmulator.GraphEmulatorHandler;

namespace Norddjurs.TeamsRisk.Graph.Tests.Support;

/// <summary>
/// The coordinator's import (the real <see cref="ImportSystems"/>) over the SharePoint store on the emulator, with a
/// counter on the wire: the municipality's continuity plans as one change.
/// </summary>
internal sealed class ImportWorld
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string Coordinator = "5eed0000-0000-4000-8000-000000000024";
    private const string CoordinatorGroup = "g-coordinator";

    private readonly InMemoryDirectory _directory;

    private ImportWorld(Emulator emulator, TestSite site, CountingHandler wire, GraphRiskStore store, InMemoryDirectory directory)
    {
        Emulator = emulator;
        Site = site;
        Wire = wire;
        Store = store;
        _directory = directory;
    }

    public Emulator Emulator { get; }

    public TestSite Site { get; }

    public CountingHandler Wire { get; }

    public GraphRiskStore Store { get; }

    public static async Task<ImportWorld> StartAsync(Emulator? emulator = null)
    {
        emulator ??= new Emulator();
        var site = await TestSite.ProvisionAsync(emulator);
        var wire = new CountingHandler(new EmulatorHandler(emulator));
        var client = new GraphServiceClient(GraphClientFactory.Create(finalHandler: wire), new AnonymousAuthenticationProvider(), TestSite.BaseUrl);
        var store = await GraphRiskStore.OpenAsync(client, TestSite.Options, null, CancellationToken.None);
        var directory = new InMemoryDirectory(Tenant);
        directory.Add(Coordinator, "pia.skov@norddjurs.example", "Pia Skov", null, CoordinatorGroup);
        return new ImportWorld(emulator, site, wire, store, directory);
    }

    /// <summary>The use case over <paramref name="store"/> (another instance of the app, say).</summary>
    public ImportSystems Import(GraphRiskStore? store = null) =>
        new(new UseCaseServices(
            store ?? Store, _directory, new RoleResolver(_directory, new RoleGroups(null, CoordinatorGroup, null, null)),
            new KnownMethodVersions(Examples.Method, Examples.Catalogue), TimeProvider.System));

    public static Request AsCoordinator(string key) => new(Actor.Of(Tenant, Coordinator), key, AuditChannel.Api);

    public static string SystemId(int n) => string.Create(CultureInfo.InvariantCulture, $"SYS-{n:D3}");

    /// <summary>A continuity-plan file of <paramref name="count"/> systems, each a full row like the template's home-care system.</summary>
    public static byte[] Plans(int count)
    {
        var lines = Encoding.UTF8.GetString(ContinuityPlanCsv.Template()).Split('\n');
        var row = lines.Single(l => l.StartsWith("OMS-01;", StringComparison.Ordinal)).TrimEnd('\r');
        var file = new StringBuilder(lines[0].TrimEnd('\r')).Append('\n');
        for (var n = 1; n <= count; n++)
        {
            file.Append(row.Replace("OMS-01;Omsorgssystem;", $"{SystemId(n)};Omsorgssystem {n};", StringComparison.Ordinal)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(file.ToString());
    }
}
