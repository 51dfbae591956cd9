using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Tab.Audit;

namespace Norddjurs.TeamsRisk.Tab.Tests;

public sealed class AuditTrailFilterTests
{
    // 23:30 UTC on 1 March is 00:30 on 2 March in Denmark: the day filter counts Danish days.
    private static readonly AuditEntry Export = Entry(AuditAction.ExportGenerated, "Jens Kirk", "export", "register.xlsx", new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(null, null, null, null, null, true)]
    [InlineData(AuditAction.ExportGenerated, null, null, null, null, true)]
    [InlineData(AuditAction.AssessmentApproved, null, null, null, null, false)]
    [InlineData(null, "kirk", null, null, null, true)]
    [InlineData(null, "holm", null, null, null, false)]
    [InlineData(null, null, "2026-03-02", "2026-03-02", null, true)]
    [InlineData(null, null, null, "2026-03-01", null, false)]
    [InlineData(null, null, null, null, "register", true)]
    [InlineData(AuditAction.ExportGenerated, "kirk", "2026-03-02", null, "assessment", false)]
    public void Every_given_part_must_match(AuditAction? action, string? actor, string? from, string? to, string? subject, bool matches)
    {
        var filter = new AuditTrailFilter(action, actor, Day(from), Day(to), subject);

        Assert.Equal(matches, filter.Matches(Export));
    }

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static AuditEntry Entry(AuditAction action, string actorName, string subjectType, string subjectId, DateTimeOffset at) =>
        new(new AuditIntent("e1", at, new AuditActor("5eed0000-0000-4000-8000-000000000025", "jens.kirk@norddjurs.example", actorName, ["auditor"]),
            AuditChannel.Api, "c1", action, new AuditSubject(subjectType, subjectId)), 1, new string('0', 64), at, new string('a', 64));
}
