namespace Norddjurs.TeamsRisk.GraphEmulator;

/// <summary>
/// Switches for behaviour that is [unconfirmed] in graph-sharepoint.md, and for the limits tests lower (§10.3, §10.4).
/// Mutable so a test can change them between requests; read under the emulator's lock.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Rows a query may scan without an index (§4.4). Tests lower it, e.g. to 20.</summary>
    public int ListViewThreshold { get; set; } = 5000;

    /// <summary>Status and code of a query over the threshold (default 500 generalException, §10.4).</summary>
    public int ThresholdStatus { get; set; } = 500;

    public string ThresholdCode { get; set; } = "generalException";

    public int DefaultPageSize { get; set; } = 200;

    public int MaxPageSize { get; set; } = 5000;

    /// <summary>Whether <c>Created</c>/<c>Modified</c> count as indexed for filters (default not, §10.4).</summary>
    public bool CreatedAndModifiedIndexed { get; set; }

    /// <summary>Error code inside a 412 (§5: <c>resourceModified</c> by default).</summary>
    public string PreconditionFailedCode { get; set; } = "resourceModified";

    /// <summary>Status and code for a duplicate in an <c>enforceUniqueValues</c> column (§10.2: 409 nameAlreadyExists).</summary>
    public int UniqueViolationStatus { get; set; } = 409;

    public string UniqueViolationCode { get; set; } = "nameAlreadyExists";

    /// <summary>Whether number columns take numeric strings (default reject, §10.3).</summary>
    public bool AcceptNumericStrings { get; set; }

    /// <summary>Whether creating a list whose display name is taken answers 409 nameAlreadyExists (as SharePoint does).</summary>
    public bool RejectDuplicateListNames { get; set; } = true;

    /// <summary>Status when installing an app the user already has (§8.5: 409 is the commonly reported one).</summary>
    public int AlreadyInstalledStatus { get; set; } = 409;

    /// <summary>Time zone whose midnight a date-only value is normalised to (§3.5).</summary>
    public string SiteTimeZone { get; set; } = "Europe/Copenhagen";

    /// <summary>How long tombstones (and so delta tokens) stay servable (§10.3).</summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Delay added to every request before it is answered (e.g. 150 ms for the load tool).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Strict mode (§10.1): require a bearer token whose roles/scp hold a permission of §8.1 for the route
    /// (Sites.Selected needs a site grant); off by default, when requests without Authorization are accepted.
    /// </summary>
    public bool StrictAuthentication { get; set; }

    /// <summary>Optional resource-unit meter (§7.2): RUs per app per minute; null = off (the default).</summary>
    public int? ResourceUnitsPerMinute { get; set; }

    /// <summary>
    /// The largest request body answered (4 MiB: Graph's documented limit for a JSON request body is in that range and
    /// the spec names none); a larger one is 413 <c>requestEntityTooLarge</c>. Set before the loopback host starts (Kestrel's limit follows it).
    /// </summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Seed for the order of batch steps and probabilistic faults (§10.5).</summary>
    public int Seed { get; set; } = 20261124;
}
