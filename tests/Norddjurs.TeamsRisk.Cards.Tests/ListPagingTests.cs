using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.MyAssessments;
using Norddjurs.TeamsRisk.Cards.Tests.Samples;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Tests;

/// <summary>The "my assessments" card pages, so an owner of many systems gets a card Teams accepts (§4.4).</summary>
public sealed class ListPagingTests
{
    [Theory]
    [InlineData(Language.Danish)]
    [InlineData(Language.English)]
    public void Thirty_assessments_would_not_fit_on_one_card_but_every_page_does(Language language)
    {
        var all = CardSamples.ManyAssessments(page: 0);
        var unpaged = CardSize.Utf16Bytes(MyAssessmentsCard.Build(all with { Items = all.Items.Take(MyAssessmentsCard.PageSize).ToList() }, language))
            * all.Items.Count / MyAssessmentsCard.PageSize;
        Assert.True(unpaged > CardSize.LimitBytes, $"the sample should need paging ({unpaged} bytes)");

        for (var page = 0; page < 4; page++)
        {
            var card = MyAssessmentsCard.Build(CardSamples.ManyAssessments(page), language);
            Assert.True(CardSize.Fits(card), $"page {page}: {CardSize.Utf16Bytes(card)} bytes");
        }
    }

    [Fact]
    public void Each_page_shows_its_slice_with_where_it_is_and_buttons_to_the_neighbouring_pages()
    {
        var first = MyAssessmentsCard.Build(CardSamples.ManyAssessments(page: 0), Language.Danish);
        var last = MyAssessmentsCard.Build(CardSamples.ManyAssessments(page: 3), Language.Danish);

        Assert.Equal(["A-2027-001", "A-2027-002", "A-2027-003", "A-2027-004", "A-2027-005", "A-2027-006", "A-2027-007", "A-2027-008"], OpenedIds(first));
        Assert.Equal(["A-2027-025", "A-2027-026", "A-2027-027", "A-2027-028", "A-2027-029", "A-2027-030"], OpenedIds(last));
        Assert.Contains("Viser 1–8 af 30", CardJson.Serialize(first), StringComparison.Ordinal);
        Assert.Contains("Viser 25–30 af 30", CardJson.Serialize(last), StringComparison.Ordinal);
        Assert.Equal([1], PageButtons(first));
        Assert.Equal([2], PageButtons(last));
        Assert.Equal([0, 2], PageButtons(MyAssessmentsCard.Build(CardSamples.ManyAssessments(page: 1), Language.Danish)));
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(99, 3)]
    public void A_page_out_of_range_shows_the_nearest_one(int asked, int shown)
    {
        var card = MyAssessmentsCard.Build(CardSamples.ManyAssessments(asked), Language.English);
        Assert.Equal(MyAssessmentsCard.Build(CardSamples.ManyAssessments(shown), Language.English).ToJsonString(), card.ToJsonString());
    }

    [Fact]
    public void A_short_list_has_no_paging()
    {
        var card = MyAssessmentsCard.Build(CardSamples.MyAssessments(), Language.Danish);
        Assert.Empty(PageButtons(card));
        Assert.DoesNotContain("Viser", CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_travels_in_the_action_data_and_a_forged_one_reads_as_none()
    {
        var data = new CardActionData(CardVerbs.Start) { Page = 2 };
        Assert.Equal(2, CardActionData.Read(data.ToJson())!.Page);
        var forged = data.ToJson();
        forged[CardActionData.Names.Page] = "2; drop";
        Assert.Null(CardActionData.Read(forged)!.Page);
    }

    private static string[] OpenedIds(System.Text.Json.Nodes.JsonObject card) =>
        [.. CardTree.Actions(card).Where(a => (string?)a["verb"] == CardVerbs.Open).Select(a => (string)a["data"]!["assessmentId"]!)];

    private static int[] PageButtons(System.Text.Json.Nodes.JsonObject card) =>
        [.. CardTree.Actions(card).Where(a => (string?)a["verb"] == CardVerbs.Start).Select(a => (int)a["data"]!["page"]!)];
}
