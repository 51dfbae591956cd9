using System.Text.Json;
using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>Reads the <c>consequence</c> block (risk-method.md §3.2 and §3.7).</summary>
internal static class ConsequenceReader
{
    public static ConsequenceModel? Read(ObjectScope doc, DataReader reader)
    {
        var scope = doc.Object("consequence");
        if (scope is null)
        {
            return null;
        }

        var dimensions = scope.Array("dimensions", (e, p) => ReadDimension(e, p, reader));
        var combine = MethodReader.Enum(scope, "combine", ["max"], reader);
        var eventOverride = ReadOverride(scope, reader);
        var levels = scope.Array("levels", (e, p) => ReadLevel(e, p, reader));
        var confidentiality = ReadConfidentiality(scope, reader);
        var integrity = ReadIntegrity(scope);
        var availability = ReadAvailability(scope, reader);
        scope.End();
        return combine is null || eventOverride is null || confidentiality is null || integrity is null || availability is null
            ? null
            : new ConsequenceModel(dimensions, combine, eventOverride, levels, confidentiality, integrity, availability);
    }

    private static DimensionDefinition? ReadDimension(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var id = MethodReader.Enum(scope, "id", ["C", "I", "A"], reader);
        var label = scope.Text("label");
        var assessedAt = MethodReader.Enum(scope, "assessedAt", MethodVocabulary.DimensionAssessedAt, reader);
        scope.End();
        return id is null || label is null || assessedAt is null || !DimensionIds.TryParse(id, out var dimension)
            ? null
            : new DimensionDefinition(dimension, label, assessedAt);
    }

    private static EventOverrideRule? ReadOverride(ObjectScope parent, DataReader reader)
    {
        var scope = parent.Object("eventOverride");
        if (scope is null)
        {
            return null;
        }

        var allowed = scope.Bool("allowed");
        var justification = scope.Bool("justificationRequired");
        var flag = MethodReader.NonNegative(scope, "flagIfLoweredBy", reader);
        scope.End();
        return allowed is null || justification is null || flag is null ? null : new EventOverrideRule(allowed.Value, justification.Value, flag.Value);
    }

    private static ConsequenceLevelDefinition? ReadLevel(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var value = scope.Int("value");
        var label = scope.Text("label");
        var citizens = scope.Text("citizens");
        var municipality = scope.Text("municipality");
        scope.End();
        return value is null || label is null || citizens is null || municipality is null
            ? null
            : new ConsequenceLevelDefinition(value.Value, label, citizens, municipality);
    }

    private static ConfidentialitySuggestion? ReadConfidentiality(ObjectScope parent, DataReader reader)
    {
        var scope = parent.Object("confidentialitySuggestion");
        if (scope is null)
        {
            return null;
        }

        var threshold = MethodReader.NonNegative(scope, "manySubjectsThreshold", reader);
        var rows = scope.Array("byDataClass", (e, p) =>
        {
            var row = reader.Object(e, p);
            if (row is null)
            {
                return null;
            }

            var dataClass = MethodReader.Enum(row, "dataClass", MethodVocabulary.DataClasses, reader);
            var few = row.Int("few");
            var many = row.Int("many");
            row.End();
            return dataClass is null || few is null || many is null ? null : new DataClassSuggestion(dataClass, few.Value, many.Value);
        });
        scope.End();
        return threshold is null ? null : new ConfidentialitySuggestion(threshold.Value, rows);
    }

    private static IntegritySuggestion? ReadIntegrity(ObjectScope parent)
    {
        var scope = parent.Object("integritySuggestion");
        if (scope is null)
        {
            return null;
        }

        var life = scope.Int("lifeOrHealth");
        var decisions = scope.Int("decisionsOrPayments");
        var other = scope.Int("other");
        scope.End();
        return life is null || decisions is null || other is null ? null : new IntegritySuggestion(life.Value, decisions.Value, other.Value);
    }

    private static AvailabilityRules? ReadAvailability(ObjectScope parent, DataReader reader)
    {
        var scope = parent.Object("availability");
        if (scope is null)
        {
            return null;
        }

        var picks = scope.Array("expectedOutageQuickPicksHours", (e, p) => reader.Int(e, p) is { } v ? (int?)v : null).Select(v => v!.Value).ToArray();
        var ratio = scope.Array("mtdRatioToLevel", (e, p) => ReadThreshold(e, p, reader));
        var hours = scope.Array("hoursToLevelWithoutMtd", (e, p) => ReadThreshold(e, p, reader));
        var dataLoss = scope.Int("dataLossBeyondRpoMinLevel");
        var bumpScope = scope.Object("peakPeriodBump");
        PeakPeriodBump? bump = null;
        if (bumpScope is not null)
        {
            var allowed = bumpScope.Bool("allowed");
            var max = MethodReader.NonNegative(bumpScope, "max", reader);
            var justification = bumpScope.Bool("justificationRequired");
            bumpScope.End();
            bump = allowed is null || max is null || justification is null ? null : new PeakPeriodBump(allowed.Value, max.Value, justification.Value);
        }

        scope.End();
        return dataLoss is null || bump is null ? null : new AvailabilityRules(picks, ratio, hours, dataLoss.Value, bump);
    }

    private static Threshold? ReadThreshold(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var upTo = scope.Number("upTo", required: false);
        if (!scope.IsPresent("upTo"))
        {
            reader.Report(scope.Child("upTo"), DataErrorCodes.MissingKey, ("key", "upTo"));
        }

        var level = scope.Int("level");
        scope.End();
        return level is null ? null : new Threshold(upTo, level.Value);
    }
}
