using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.Bot.Tests.Committee;
using Norddjurs.TeamsRisk.Bot.Tests.Conversation;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;
using Xunit;
using Norddjurs.TeamsRisk.Testing.Cards;
using EscalationRecord = Norddjurs.TeamsRisk.Core.Workflow.Escalation;

namespace Norddjurs.TeamsRisk.Bot.Tests.Escalation;

/// <summary>
/// Alex's home-care assessment approved by the committee, so its above-appetite lines wait for their authorities: the
/// area manager named in the register (Mette) and the directorate (Jens). Both have talked to the bot, so it can reach them.
/// </summary>
internal sealed class EscalationWorld : IDisposable
{
    public const string Manager = "3f2b8c1e-5d4a-4e7b-9c21-7a1d2e3f4b5c";
    public const string Director = "5eed0000-0000-4000-8000-000000000031";

    private EscalationWorld(CommitteeWorld committee) => Committee = committee;

    public CommitteeWorld Committee { get; }

    public BotWorld Bot => Committee.Bot;

    /// <summary><paramref name="reduce"/>: the owner proposes a measure for every line (else acceptance where the band allows it).</summary>
    public static async Task<EscalationWorld> ApprovedAsync(bool reduce = true)
    {
        var committee = await CommitteeWorld.SubmittedAsync(reduce);
        committee.Bot.Directory.Add(Manager, "mette.lund@norddjurs.example", "Mette Lund");
        committee.Bot.Directory.Add(Director, "jens.dir@norddjurs.example", "Jens Direktør", null, "g-directorate");
        await committee.Bot.SendAsync(committee.Bot.Text("hej", Manager));
        await committee.Bot.SendAsync(committee.Bot.Text("hej", Director));
        var member = await committee.ViewAsync(BotWorld.Committee);
        await committee.Bot.CardAsync(committee.Press(member, CardVerbs.CommitteeApprove, BotWorld.Committee, inputs =>
        {
            foreach (var key in inputs.Keys.Where(k => k.StartsWith("recommendations[", StringComparison.Ordinal)).ToList())
            {
                inputs[key] = "Udvalget indstiller, at ejerens tiltag godkendes.";
            }
        }));
        return new EscalationWorld(committee);
    }

    public async Task<IReadOnlyList<EscalationRecord>> EscalationsAsync() =>
        [.. (await Bot.Store.LoadAllAsync<EscalationRecord>(DocumentKinds.Escalation, "assessmentId", Committee.AssessmentId, BotWorld.Ct)).Select(e => e.Value)];

    public async Task<EscalationRecord> EscalationAsync(Role authority) => (await EscalationsAsync()).First(e => e.Authority == authority);

    /// <summary>
    /// Marks the line's escalation as a compliance gap (risk-method.md §7), which the owner's walk cannot produce:
    /// written straight to the store, as approval would have written it.
    /// </summary>
    public async Task MarkComplianceGapAsync(Role authority, string gap)
    {
        var id = (await EscalationAsync(authority)).Id;
        var stored = (await Bot.Store.LoadAsync<EscalationRecord>(DocumentKinds.Escalation, id, BotWorld.Ct))!;
        var marked = stored.Value with { ComplianceGap = gap };
        var result = await Bot.Store.CommitAsync(new StoreChange("test-gap", [stored.Update(marked, Workflows.Reviewing.EscalationIndex.Of(marked))], [], [], null), BotWorld.Ct);
        Assert.IsType<CommitResult.Committed>(result);
    }

    /// <summary>The decision card <paramref name="objectId"/> sees in their chat (the card's refresh).</summary>
    public Task<JsonObject> ViewAsync(string escalationId, string objectId) =>
        Bot.CardAsync(Bot.Invoke(CardVerbs.EscalationView, new JsonObject { ["verb"] = CardVerbs.EscalationView, ["escalationId"] = escalationId }, objectId));

    /// <summary>The invoke pressing <paramref name="verb"/> on <paramref name="card"/> sends, after <paramref name="edit"/> typed into its inputs.</summary>
    public JsonObject Press(JsonObject card, string verb, string objectId, Action<Dictionary<string, string>>? edit = null, string? activityId = null)
    {
        var data = CardSession.Actions(card, verb).FirstOrDefault()
            ?? throw new InvalidOperationException($"The card has no '{verb}' button:\n{BotWorld.TextOf(card)}");
        var inputs = CardInputs.Defaults(card);
        edit?.Invoke(inputs);
        return Bot.Invoke(verb, CardActions.Merge(data, inputs), objectId, activityId);
    }

    public IReadOnlyList<Notification> Outbox() => Committee.Outbox(OutboxKinds.TeamsSend);

    public void Dispose() => Committee.Dispose();
}
