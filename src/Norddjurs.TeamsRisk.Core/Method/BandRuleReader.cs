using System.Text.Json;
using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>Reads one entry of <c>bandRules</c> (risk-method.md §3.7).</summary>
internal static class BandRuleReader
{
    public static BandRule? Read(JsonElement element, string path, DataReader reader)
    {
        var scope = reader.Object(element, path);
        if (scope is null)
        {
            return null;
        }

        var authority = scope.String("decisionAuthority");
        var decisions = new List<TreatmentKind>();
        scope.Strings("allowedDecisions", each: (id, path) =>
        {
            if (TreatmentKindIds.TryParse(id, out var kind))
            {
                decisions.Add(kind);
            }
            else
            {
                reader.Report(path, DataErrorCodes.NotAllowed, ("value", id), ("allowed", "accept, reduce, avoid, share"));
            }
        });

        var justification = scope.Bool("justificationRequired");
        var deadline = scope.Int("measureDeadlineMaxDays", required: false);
        if (!scope.IsPresent("measureDeadlineMaxDays"))
        {
            reader.Report(scope.Child("measureDeadlineMaxDays"), DataErrorCodes.MissingKey, ("key", "measureDeadlineMaxDays"));
        }
        else if (deadline is < 1)
        {
            reader.Report(scope.Child("measureDeadlineMaxDays"), DataErrorCodes.OutOfRange, ("value", deadline), ("min", 1), ("max", int.MaxValue));
        }

        var acceptance = scope.Int("acceptanceMaxMonths");
        if (acceptance is < 1)
        {
            reader.Report(scope.Child("acceptanceMaxMonths"), DataErrorCodes.OutOfRange, ("value", acceptance), ("min", 1), ("max", int.MaxValue));
        }

        var recommendation = scope.Bool("committeeRecommendationRequired");
        var interim = scope.Bool("interimMeasuresRequired");
        var residual = scope.String("residualTargetBand", required: false);
        var notify = scope.Strings("notifyOnSubmit");
        scope.End();
        return authority is null || justification is null || acceptance is null || recommendation is null || interim is null
            ? null
            : new BandRule(authority, decisions, justification.Value, deadline, acceptance.Value, recommendation.Value, interim.Value, residual, notify);
    }
}
