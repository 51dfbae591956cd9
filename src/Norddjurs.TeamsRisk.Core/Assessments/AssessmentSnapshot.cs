using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Json;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>
/// The frozen record of a submitted assessment (risk-method.md §3.5 rule 8, §5): every input, every computed value
/// and the pinned method and catalogue, so an auditor can recompute each score. Its SHA-256 is over the RFC 8785
/// canonical JSON; a snapshot is never changed, a correction is a new assessment.
/// </summary>
public sealed record AssessmentSnapshot(JsonObject Document, string Sha256)
{
    public static AssessmentSnapshot Freeze(Assessment assessment, RiskMethod method, DateTimeOffset submittedAt, string submittedBy)
    {
        var flags = Flags.For(assessment, method);
        var headline = Headline.Of(assessment.Lines, method);
        var document = new JsonObject
        {
            ["assessmentId"] = assessment.Id,
            ["systemId"] = assessment.Facts.SystemId,
            ["systemRecordVersion"] = assessment.Facts.RecordVersion,
            ["roundId"] = assessment.RoundId,
            ["trigger"] = assessment.Trigger,
            ["previousAssessmentId"] = assessment.PreviousAssessmentId,
            ["method"] = Pinned(assessment.Method),
            ["catalog"] = Pinned(assessment.Catalogue),
            ["submittedAt"] = Timestamp(submittedAt),
            ["submittedBy"] = submittedBy,
            ["facts"] = SnapshotJson.Facts(assessment.Facts),
            ["profile"] = new JsonObject
            {
                ["C"] = SnapshotJson.Profile(assessment.Confidentiality),
                ["I"] = SnapshotJson.Profile(assessment.Integrity),
            },
            ["events"] = new JsonArray([.. assessment.Events.Select(e => SnapshotJson.Event(e, assessment))]),
            ["lines"] = new JsonArray([.. assessment.Lines.Select(l => SnapshotJson.Line(l, method))]),
            ["flags"] = SnapshotJson.Flags(flags),
            ["headline"] = new JsonObject
            {
                ["band"] = headline.Highest?.Id,
                ["counts"] = new JsonObject([.. headline.CountByBand.Select(c => KeyValuePair.Create<string, JsonNode?>(c.Key, c.Value))]),
                ["aboveAppetite"] = headline.AboveAppetite,
            },
        };
        return new AssessmentSnapshot(document, CanonicalJson.Sha256Hex(document));
    }

    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Pinned(PinnedVersion pinned) =>
        new() { ["id"] = pinned.Id, ["version"] = pinned.Version, ["sha256"] = pinned.Sha256 };
}
