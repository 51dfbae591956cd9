namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>
/// One version of the risk method as data (risk-method.md §3.7). Immutable; a change is a new version.
/// <see cref="Sha256"/> is the canonical hash of the rules (§3.8) that every assessment pins.
/// </summary>
public sealed record RiskMethod(
    int SchemaVersion,
    string Id,
    string Version,
    MethodStatus Status,
    LocalizedText Name,
    MethodApproval Approval,
    DateOnly? EffectiveFrom,
    CatalogueRef EventCatalog,
    Scale Scale,
    LikelihoodScale Likelihood,
    ConsequenceModel Consequence,
    PointsRule Points,
    IReadOnlyList<Band> Bands,
    Appetite Appetite,
    IReadOnlyDictionary<string, BandRule> BandRules,
    IReadOnlyDictionary<string, RoleDefinition> Roles,
    Deadlines Deadlines,
    Cycle Cycle,
    IReadOnlyList<string> ReassessmentTriggers,
    GdprRules Gdpr,
    ComplianceGapRules ComplianceGaps,
    LegalStatus LegalStatus,
    string Sha256)
{
    /// <summary>Points = likelihood × consequence, then any cell override; band and appetite follow (§3.5 rule 3).</summary>
    public RiskScore Score(Likelihood likelihood, ConsequenceLevel consequence)
    {
        var points = likelihood.Value * consequence.Value;
        var cell = Points.CellOverrides.FirstOrDefault(o => o.Likelihood == likelihood.Value && o.Consequence == consequence.Value);
        var band = cell is null ? BandFor(points) : Band(cell.Band);
        return new RiskScore(likelihood, consequence, points, band, IsWithinAppetite(band));
    }

    public Band BandFor(int points) => Bands.First(b => b.Holds(points));

    public Band Band(string id) => Bands.First(b => b.Id == id);

    public BandRule RuleFor(Band band) => BandRules[band.Id];

    public Band AppetiteBand => Band(Appetite.HighestAcceptableBand);

    public bool IsWithinAppetite(Band band) => band.Order <= AppetiteBand.Order;

    /// <summary>Whether a band is at or above another (e.g. the DPIA flag "from band high").</summary>
    public bool IsAtOrAbove(Band band, string thresholdBandId) => band.Order >= Band(thresholdBandId).Order;

    /// <summary>A role's rank for decisions; roles without a rank never decide above-appetite risks.</summary>
    public int? Rank(Role role) =>
        Roles.Values.FirstOrDefault(r => r.Role == role)?.Rank;

    /// <summary>The band's authority, or a role of higher rank, may decide (§3.7 field notes, §3.5 rule 4).</summary>
    public bool MayDecide(Role role, Band band)
    {
        var required = Roles.TryGetValue(RuleFor(band).DecisionAuthority, out var authority) ? authority.Rank : null;
        var held = Rank(role);
        return required is not null && held is not null && held >= required;
    }

    public Role AuthorityFor(Band band) => Roles[RuleFor(band).DecisionAuthority].Role;

    /// <summary>This version with an approval record, and so active (§3.8). The hash does not change.</summary>
    public RiskMethod Approve(MethodApproval approval) =>
        approval.IsComplete
            ? this with { Status = MethodStatus.Active, Approval = approval }
            : throw new ArgumentException("An approval needs an approver, a date and a decision reference.", nameof(approval));
}

/// <summary>The result of scoring one risk line.</summary>
public sealed record RiskScore(Likelihood Likelihood, ConsequenceLevel Consequence, int Points, Band Band, bool WithinAppetite);
