using System.Net;
using Microsoft.Extensions.Hosting;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// The anonymous rule of teams-bot-protocol.md §2.6, all four conditions: no credentials, the explicit
/// <c>Bot:AllowUnauthenticatedLocalDevelopment</c>, the Development environment, and a loopback caller talking about a
/// loopback serviceUrl (the Agents Playground). Options validation refuses the switch elsewhere; this checks again.
/// </summary>
internal static class LocalDevelopmentAccess
{
    public static bool Allows(BotOptions settings, IHostEnvironment environment, Activity activity, IPAddress? remoteAddress) =>
        settings.AllowUnauthenticatedLocalDevelopment
        && environment.IsDevelopment()
        && string.IsNullOrWhiteSpace(settings.AppId)
        && settings.ConfiguredCredentials.Count == 0
        && remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
        && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && serviceUrl.IsLoopback;
}
