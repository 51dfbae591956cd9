namespace Norddjurs.TeamsRisk.GraphEmulator.Tests;

public sealed class SkeletonTests
{
    [Fact]
    public void Version_root_is_v1() => Assert.Equal("/v1.0", GraphEmulatorInfo.VersionRoot);
}
