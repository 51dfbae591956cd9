namespace Norddjurs.TeamsRisk.Bot.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void Bot_assembly_loads() => Assert.Equal("Norddjurs.TeamsRisk.Bot", typeof(Rendering.StepCardRenderer).Assembly.GetName().Name);
}
