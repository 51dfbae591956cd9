using System.Reflection;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Architecture.Tests;

/// <summary>
/// A store port's default method (<see cref="IDocumentStore.ReadManyAsync"/>, <see cref="IDocumentStore.QueryManyAsync"/>) is
/// the slow path: one read after another. A class that hands the store on (a wrapper) but does not declare the method itself
/// silently swaps the SharePoint store's one <c>$batch</c> for that path, and nothing fails but the latency.
/// </summary>
public sealed class StoreWrapperTests
{
    /// <summary>Where the stores are wrapped. The SQLite store itself keeps the defaults: a local read one by one is its fast path.</summary>
    public static TheoryData<string> Projects => ["App", "Bot", "Tab", "Workflows", "Graph"];

    [Theory, MemberData(nameof(Projects))]
    public void Every_store_implementation_declares_each_default_method_of_the_store_ports_itself(string project)
    {
        var implementations = Assembly.Load("Norddjurs.TeamsRisk." + project).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDocumentStore).IsAssignableFrom(t));
        var missing =
            from type in implementations
            from port in type.GetInterfaces().Where(i => i.Namespace == typeof(IDocumentStore).Namespace)
            let map = type.GetInterfaceMap(port)
            from target in map.TargetMethods
            where target.DeclaringType == port
            select $"{type.FullName} leaves {port.Name}.{target.Name} to the interface's default";

        Assert.Empty(missing);
    }

    [Fact]
    public void The_rule_sees_the_wrappers_it_guards()
    {
        var app = Assembly.Load("Norddjurs.TeamsRisk.App").GetTypes().Where(t => typeof(IDocumentStore).IsAssignableFrom(t) && t.IsClass).Select(t => t.Name);

        Assert.Contains("OpenedGraphStore", app);
        Assert.Contains("CommitSignallingStore", app);
    }
}
