using Norddjurs.TeamsRisk.App.Tests.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Reach;

/// <summary>Outside Development an owner without a chat must still be reachable: the keys for it are checked at start-up, by name.</summary>
public sealed class ReachStartupTests
{
    [Theory]
    [InlineData("Teams:AppCatalogId")]
    [InlineData("Mail:SenderUserId")]
    public void Production_refuses_to_start_without_a_way_to_reach_owners(string key)
    {
        var message = IdentityStartupTests.StartUpFailure("Production", IdentityStartupTests.With(IdentityStartupTests.ProductionAuth, (key, null)));

        Assert.Contains(key, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_id_that_is_not_a_GUID_is_refused()
    {
        var message = IdentityStartupTests.StartUpFailure("Production", IdentityStartupTests.With(IdentityStartupTests.ProductionAuth, ("Teams:AppCatalogId", "com.norddjurs.teamsrisk")));

        Assert.Contains("Teams:AppCatalogId must be the catalogue app's id", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reaching_owners_through_Graph_needs_a_Graph_credential_named_at_start_up()
    {
        var message = IdentityStartupTests.StartUpFailure("Production", IdentityStartupTests.ProductionAuth);

        Assert.Contains("Graph:ClientSecret", message, StringComparison.Ordinal);
    }
}
