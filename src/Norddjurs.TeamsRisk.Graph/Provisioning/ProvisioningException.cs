namespace Norddjurs.TeamsRisk.Graph.Provisioning;

/// <summary>Why provisioning stopped without (further) changes; the command line turns it into Danish or English text.</summary>
public enum ProvisioningFailure
{
    /// <summary>The site URL is not an https URL of a SharePoint site.</summary>
    InvalidSiteUrl,

    /// <summary>No such site, or hidden from the app (Sites.Selected without a grant); Graph cannot create sites.</summary>
    SiteNotFound,

    /// <summary>A column exists with another type than the schema's; changing it could lose data, so a person decides.</summary>
    ColumnTypeChanged,
}

/// <summary>
/// Provisioning refused to go on. <see cref="Site"/>, <see cref="List"/>, <see cref="Column"/>, <see cref="Expected"/>
/// and <see cref="Actual"/> carry what the message needs; empty when they do not apply.
/// </summary>
public sealed class ProvisioningException(
    ProvisioningFailure failure, string site, string list = "", string column = "", string expected = "", string actual = "")
    : Exception($"Provisioning failed: {failure} (site {site}, list {list}, column {column}, expected {expected}, actual {actual}).")
{
    public ProvisioningFailure Failure { get; } = failure;

    public string Site { get; } = site;

    public string List { get; } = list;

    public string Column { get; } = column;

    public string Expected { get; } = expected;

    public string Actual { get; } = actual;
}
