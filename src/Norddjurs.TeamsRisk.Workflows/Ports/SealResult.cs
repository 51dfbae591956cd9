using Norddjurs.TeamsRisk.Core.Audit;

namespace Norddjurs.TeamsRisk.Workflows.Ports;

/// <summary>What became of a seal: sealed, or refused with nothing changed.</summary>
public abstract record SealResult
{
    private SealResult()
    {
    }

    public sealed record Sealed(ChainHead Head) : SealResult;

    /// <summary>Another sealer moved the head: re-read the head and the pending intents.</summary>
    public sealed record HeadMoved(ChainHead? Actual) : SealResult;

    /// <summary>The lease was taken by another holder (its fencing token changed): stop sealing.</summary>
    public sealed record LeaseLost : SealResult;
}
