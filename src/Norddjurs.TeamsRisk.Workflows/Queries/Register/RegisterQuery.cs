using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>
/// The register for the committee, the coordinator, the auditor and the directorate (issue 9; design.md §4: they read
/// every system, and the directorate decides the Kritisk risks it lists): every system with its current
/// assessment, filtered, searched, sorted and paged. The store is read by indexed fields (<see cref="RegisterReading"/>);
/// filtering, sorting and paging then run in memory over one row per system, which is a few hundred rows even when
/// the assessments hold thousands of risk lines.
/// </summary>
public sealed class RegisterQuery(UseCaseServices services, Visibility visibility)
{
    internal static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Committee, Role.Coordinator, Role.Auditor, Role.Directorate };

    /// <summary>The refusal every register read (rows, heatmap, history, exports) answers to anyone else.</summary>
    internal static DomainError Refused(string action) =>
        DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", action), ("roles", string.Join(", ", Readers.Select(r => r.Id()))));

    public async Task<Outcome<RegisterPage>> ReadAsync(Actor actor, RegisterFilter filter, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(actor, "register.read", cancellationToken).ConfigureAwait(false);
        if (entries.Refusal is not null)
        {
            return Outcome<RegisterPage>.From(entries.Refusal);
        }

        var page = Math.Max(filter.Page, 1);
        var pageSize = Math.Clamp(filter.PageSize, 1, RegisterFilter.MaxPageSize);
        var rows = entries.Rows!;
        var matching = Sort(Match(rows, filter), filter).ToList();
        return new Outcome<RegisterPage>.Done(new RegisterPage(
            [.. matching.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, matching.Count, Facets(rows)));
    }

    /// <summary>The entries behind the rows that match (all pages), for the heatmap and the exports.</summary>
    internal async Task<(IReadOnlyList<RegisterEntry>? Entries, DomainError? Refusal)> MatchingEntriesAsync(
        Actor actor, RegisterFilter filter, string action, CancellationToken cancellationToken)
    {
        var read = await EntriesAsync(actor, action, cancellationToken).ConfigureAwait(false);
        if (read.Refusal is not null)
        {
            return (null, read.Refusal);
        }

        var wanted = Match(read.Rows!, filter).Select(r => r.SystemId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ([.. read.Entries!.Where(e => wanted.Contains(e.System.SystemId))], null);
    }

    private async Task<(IReadOnlyList<RegisterEntry>? Entries, IReadOnlyList<RegisterRow>? Rows, DomainError? Refusal)> EntriesAsync(
        Actor actor, string action, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return (null, null, Refused(action));
        }

        var entries = await RegisterReading.ReadAsync(services, cancellationToken).ConfigureAwait(false);
        var method = services.Methods.ActiveMethod;
        return (entries, [.. entries.Select(e => RegisterRows.Of(e, method))], null);
    }

    internal static IEnumerable<RegisterRow> Match(IEnumerable<RegisterRow> rows, RegisterFilter filter) => rows.Where(r =>
        (string.IsNullOrWhiteSpace(filter.Department) || Same(r.Department, filter.Department)) &&
        (string.IsNullOrWhiteSpace(filter.Band) || Same(r.Band?.Id, filter.Band)) &&
        (filter.Status is null || r.Status == filter.Status) &&
        (string.IsNullOrWhiteSpace(filter.RoundId) || Same(r.RoundId, filter.RoundId)) &&
        (string.IsNullOrWhiteSpace(filter.Owner) || Same(r.Owner, filter.Owner.Trim()) || Contains(r.OwnerName, filter.Owner)) &&
        (string.IsNullOrWhiteSpace(filter.Search) || Contains(r.SystemId, filter.Search) || Contains(r.Name, filter.Search) ||
            Contains(r.Department, filter.Search) || Contains(r.Owner, filter.Search) || Contains(r.OwnerName, filter.Search)));

    private static IEnumerable<RegisterRow> Sort(IEnumerable<RegisterRow> rows, RegisterFilter filter)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        var text = StringComparer.Create(culture, ignoreCase: true);
        IOrderedEnumerable<RegisterRow> sorted = filter.Sort switch
        {
            RegisterSort.Department => Order(rows, r => r.Department, text, filter.Descending),
            RegisterSort.Owner => Order(rows, r => r.OwnerName ?? r.Owner, text, filter.Descending),
            RegisterSort.Band => Order(rows, r => r.Band?.Order ?? 0, Comparer<int>.Default, filter.Descending),
            RegisterSort.Status => Order(rows, r => r.Status?.ToString() ?? string.Empty, StringComparer.Ordinal, filter.Descending),
            RegisterSort.NextDue => Order(rows, r => r.NextAssessmentDue, Comparer<DateOnly>.Default, filter.Descending),
            _ => Order(rows, r => r.Name, text, filter.Descending),
        };

        // A stable tie-break, so a page never repeats or skips a system between requests.
        return sorted.ThenBy(r => r.SystemId, StringComparer.OrdinalIgnoreCase);
    }

    private static IOrderedEnumerable<RegisterRow> Order<TKey>(IEnumerable<RegisterRow> rows, Func<RegisterRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private RegisterFacets Facets(IReadOnlyList<RegisterRow> rows) => new(
        [.. rows.Select(r => r.Department).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), true))],
        [.. rows.Select(r => r.RoundId).OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        services.Methods.ActiveMethod.Bands);

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string wanted) =>
        value is not null && value.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);
}
