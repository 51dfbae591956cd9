using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Outbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound.Fakes;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Outbound;

/// <summary>§4.4: ≤ 28 KB per message counted as UTF-16; over it, nothing is sent.</summary>
public sealed class MessageSizeTests : IAsyncLifetime
{
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void Size_is_counted_as_UTF_16_two_bytes_per_character()
    {
        Assert.Equal(6, MessageSizeBudget.Utf16Bytes("æøå"));
        Assert.True(MessageSizeBudget.Fits(new string('x', 14 * 1024)));
        Assert.False(MessageSizeBudget.Fits(new string('x', (14 * 1024) + 1)));
    }

    [Fact]
    public async Task A_card_over_28_KB_as_UTF_16_is_refused_without_sending()
    {
        var card = CardWithText(new string('a', 14_500)); // 14.5 KB as UTF-8, 29 KB as UTF-16: Teams counts the latter

        var result = await _harness.Run(c => c.SendAsync(_harness.Personal, new CardMessage(card), default));

        var final = Assert.IsType<ConnectorResult.Final>(result);
        Assert.Equal(ConnectorFailure.TooLarge, final.Kind);
        Assert.Empty(_harness.Connector.Requests);
        Assert.Empty(_harness.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task Danish_letters_count_as_one_character_each_so_a_card_under_the_budget_is_sent()
    {
        var card = CardWithText(new string('ø', 13_000)); // 26 KB as UTF-16 if sent as 'ø', 78 KB if escaped as \u00F8

        var result = await _harness.Run(c => c.UpdateAsync(_harness.Personal, "1771504120337", new CardMessage(card), default));

        Assert.IsType<ConnectorResult.Ok>(result);
        Assert.Single(_harness.Connector.Requests);
    }

    [Fact]
    public async Task The_first_post_of_a_channel_thread_is_held_to_the_same_budget()
    {
        var request = new ChannelThreadRequest(_harness.Connector.TeamsServiceUrl, "19:c@thread.tacv2", ConnectorHarness.TenantId, new CardMessage(CardWithText(new string('a', 15_000))));

        var result = await _harness.Run(c => c.CreateChannelThreadAsync(request, default));

        Assert.Equal(ConnectorFailure.TooLarge, Assert.IsType<ConnectorResult.Final>(result).Kind);
        Assert.Empty(_harness.Connector.Requests);
    }

    private static JsonObject CardWithText(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
    };
}
