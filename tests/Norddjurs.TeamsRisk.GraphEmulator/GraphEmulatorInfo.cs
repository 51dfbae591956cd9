namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>Placeholder until the emulator lands.</summary>
public static class GraphEmulatorInfo
{
    public const string VersionRoot = "/v1.0";
}
