namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary><c>Teams:*</c> (design.md §10): where the committee's notifications are posted.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The committee's team (<c>19:…@thread.tacv2</c>); without a channel, its General channel is used.</summary>
    public string? CommitteeTeamId { get; set; }

    /// <summary>The channel that receives submissions (teams-bot-protocol.md §5.4).</summary>
    public string? CommitteeChannelId { get; set; }

    /// <summary>The channel to post in: the configured channel, else the team's General channel (its id is the team id, §3.5).</summary>
    public string? CommitteeChannel =>
        !string.IsNullOrWhiteSpace(CommitteeChannelId) ? CommitteeChannelId
        : !string.IsNullOrWhiteSpace(CommitteeTeamId) ? CommitteeTeamId
        : null;
}
