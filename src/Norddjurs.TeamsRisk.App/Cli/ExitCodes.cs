namespace Norddjurs.TeamsRisk.App.Cli;

/// <summary>What a command's exit code means, for scripts and CI.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and its answer is no (e.g. the audit chain is broken, or provisioning stopped).</summary>
    public const int Failed = 1;

    /// <summary>The command could not run: unknown command, missing argument, unreadable file.</summary>
    public const int Usage = 2;
}
