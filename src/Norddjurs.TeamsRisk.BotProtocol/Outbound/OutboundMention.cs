using System.Security;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// An @mention in an outbound text (§3.4): the text must contain <see cref="Text"/> exactly (use it to compose the text),
/// else Teams silently drops the mention — the client refuses such a message instead.
/// </summary>
/// <param name="Id">The person's <c>29:</c> id (or Entra object id / UPN where Teams accepts it).</param>
/// <param name="Name">Display name, as plain text; it is XML-escaped here.</param>
public sealed record OutboundMention(string Id, string Name)
{
    /// <summary><c>&lt;at&gt;Name&lt;/at&gt;</c> with the name XML-escaped.</summary>
    public string Text => $"<at>{SecurityElement.Escape(Name)}</at>";
}
