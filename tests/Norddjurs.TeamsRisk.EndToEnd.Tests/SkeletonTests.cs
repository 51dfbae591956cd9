namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void Project_builds() => Assert.NotNull(typeof(Program).Assembly);
}
