using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Tests.Method;

public sealed class DefaultMethodTests
{
    private static readonly RiskMethod Method = DefaultMethod.Load().Value;

    [Fact]
    public void The_default_method_loads_without_problems()
    {
        var result = DefaultMethod.Load();
        Assert.Empty(result.Problems);
        Assert.Equal("nk-risk-method", result.Value.Id);
        Assert.Equal("1.0.0", result.Value.Version);
        Assert.Equal(MethodStatus.Draft, result.Value.Status);
        Assert.Equal(new CatalogueRef("nk-event-catalog", "1.0.0"), result.Value.EventCatalog);
    }

    [Fact]
    public void The_hash_is_lower_case_hex_SHA_256_and_stable_across_loads()
    {
        Assert.Matches("^[0-9a-f]{64}$", Method.Sha256);
        Assert.Equal(Method.Sha256, DefaultMethod.Load().Value.Sha256);
    }

    [Theory]
    [InlineData(4, 1, 4, "medium")]
    [InlineData(4, 2, 8, "high")]
    [InlineData(4, 3, 12, "critical")]
    [InlineData(4, 4, 16, "critical")]
    [InlineData(3, 1, 3, "low")]
    [InlineData(3, 2, 6, "medium")]
    [InlineData(3, 3, 9, "high")]
    [InlineData(3, 4, 12, "critical")]
    [InlineData(2, 1, 2, "low")]
    [InlineData(2, 2, 4, "medium")]
    [InlineData(2, 3, 6, "medium")]
    [InlineData(2, 4, 8, "high")]
    [InlineData(1, 1, 1, "low")]
    [InlineData(1, 2, 2, "low")]
    [InlineData(1, 3, 3, "low")]
    [InlineData(1, 4, 4, "medium")]
    public void Points_are_likelihood_times_consequence_and_fall_in_the_matrix_band(int likelihood, int consequence, int points, string band)
    {
        var score = Method.Score(Likelihood.Of(likelihood), ConsequenceLevel.Of(consequence));
        Assert.Equal(points, score.Points);
        Assert.Equal(band, score.Band.Id);
        Assert.Equal(band is "low" or "medium", score.WithinAppetite);
    }

    [Theory]
    [InlineData("low", "Lav", "Low", "#107C10", "#FFFFFF")]
    [InlineData("medium", "Middel", "Medium", "#FFB900", "#000000")]
    [InlineData("high", "Høj", "High", "#F7630C", "#000000")]
    [InlineData("critical", "Kritisk", "Critical", "#C50F1F", "#FFFFFF")]
    public void Bands_carry_Danish_and_English_labels_and_colours(string id, string da, string en, string color, string textColor)
    {
        var band = Method.Band(id);
        Assert.Equal(da, band.Label.In(Language.Danish));
        Assert.Equal(en, band.Label.In(Language.English));
        Assert.Equal(color, band.Color);
        Assert.Equal(textColor, band.TextColor);
    }

    [Fact]
    public void A_cell_override_moves_the_band_but_not_the_points()
    {
        var json = System.Text.Encoding.UTF8.GetString(DefaultMethod.Json())
            .Replace("\"cellOverrides\": []", "\"cellOverrides\": [{\"likelihood\":1,\"consequence\":4,\"band\":\"high\"}]", StringComparison.Ordinal);
        var method = MethodLoader.Load(System.Text.Encoding.UTF8.GetBytes(json)).Value;
        var score = method.Score(Likelihood.Of(1), ConsequenceLevel.Of(4));
        Assert.Equal(4, score.Points);
        Assert.Equal("high", score.Band.Id);
        Assert.False(score.WithinAppetite);
        Assert.NotEqual(Method.Sha256, method.Sha256);
    }

    [Theory]
    [InlineData("systemOwner", "low", true)]
    [InlineData("systemOwner", "high", false)]
    [InlineData("areaManager", "high", true)]
    [InlineData("areaManager", "critical", false)]
    [InlineData("directorate", "high", true)]
    [InlineData("directorate", "critical", true)]
    [InlineData("committee", "medium", false)]
    [InlineData("coordinator", "low", false)]
    public void The_band_authority_or_a_higher_rank_may_decide(string roleId, string band, bool mayDecide)
    {
        Assert.True(RoleIds.TryParse(roleId, out var role));
        Assert.Equal(mayDecide, Method.MayDecide(role, Method.Band(band)));
    }

    [Fact]
    public void Approving_makes_the_version_active_without_changing_its_hash()
    {
        var approved = Method.Approve(new MethodApproval("direktionen", new DateOnly(2026, 12, 1), "ISU-2026-12"));
        Assert.Equal(MethodStatus.Active, approved.Status);
        Assert.Equal(Method.Sha256, approved.Sha256);
    }
}
