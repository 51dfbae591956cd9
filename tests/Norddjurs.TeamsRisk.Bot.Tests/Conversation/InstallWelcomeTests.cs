using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Testing.Stores;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Tests.Conversation;

/// <summary>
/// On install the welcome does not wait for the conversation reference to be stored (each is a commit, several Graph round
/// trips on SharePoint), and the install is acknowledged only once both are.
/// </summary>
public sealed class InstallWelcomeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_welcome_is_queued_while_the_reference_is_still_being_saved_and_the_install_answers_when_both_are_stored()
    {
        ReferenceHeldUntilReply? store = null;
        using var world = new BotWorld(aroundStore: s => store = new ReferenceHeldUntilReply(s));
        var install = world.Activity("conversationUpdate", id: "f:install");
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-app-id" });

        // Were the reply queued only after the reference, the reference's commit would wait for it in vain.
        var answer = await world.SendAsync(install).WaitAsync(Patience);

        Assert.Equal(200, answer.HttpStatusCode);
        Assert.True(store!.ReferenceWaitedForReply);
        Assert.Single(world.Replies());
        Assert.NotNull(await world.Store.LoadAsync<ConversationReference>(DocumentKinds.ConversationReference, ConversationReferenceId(), BotWorld.Ct));
    }

    [Fact]
    public async Task A_failed_reference_save_fails_the_install_so_teams_retries_it_and_the_retry_queues_no_second_welcome()
    {
        FailingReferenceOnce? store = null;
        using var world = new BotWorld(aroundStore: s => store = new FailingReferenceOnce(s));
        var install = world.Activity("conversationUpdate", id: "f:install");
        install["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-app-id" });

        await Assert.ThrowsAsync<TimeoutException>(() => world.SendAsync(install));
        Assert.Equal(200, (await world.SendAsync(install)).HttpStatusCode);

        Assert.Single(world.Replies());
        Assert.NotNull(await world.Store.LoadAsync<ConversationReference>(DocumentKinds.ConversationReference, ConversationReferenceId(), BotWorld.Ct));
    }

    private static string ConversationReferenceId() =>
        Bot.Conversations.ConversationReferenceDocuments.IdOf("a:1personal-" + BotWorld.Owner);

    private static bool IsReference(StoreChange change) => change.Writes.Any(w => w.Kind == DocumentKinds.ConversationReference);

    /// <summary>Holds the reference's commit until a commit with an outbox message (the welcome) has been made.</summary>
    private sealed class ReferenceHeldUntilReply(IRiskStore inner) : ForwardingRiskStore(inner)
    {
        private readonly TaskCompletionSource _replied = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool ReferenceWaitedForReply { get; private set; }

        public override async Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken)
        {
            if (IsReference(change))
            {
                await _replied.Task.WaitAsync(Patience, cancellationToken);
                ReferenceWaitedForReply = true;
            }

            var result = await base.CommitAsync(change, cancellationToken);
            if (change.Outbox.Count > 0)
            {
                _replied.TrySetResult();
            }

            return result;
        }
    }

    /// <summary>The first save of the reference fails as an unreachable store does.</summary>
    private sealed class FailingReferenceOnce(IRiskStore inner) : ForwardingRiskStore(inner)
    {
        private int _failures;

        public override Task<CommitResult> CommitAsync(StoreChange change, CancellationToken cancellationToken) =>
            IsReference(change) && Interlocked.Increment(ref _failures) == 1
                ? Task.FromException<CommitResult>(new TimeoutException("The store did not answer."))
                : base.CommitAsync(change, cancellationToken);
    }
}
