using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>An authenticated activity and what it means (<see cref="ActivityClassifier"/>).</summary>
public sealed record InboundActivity(Activity Activity, ActivityKind Kind);
