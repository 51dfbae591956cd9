using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>
/// Two step inputs that save the same answers. Records compare lists by reference, so the lists are compared by content;
/// an absent list equals an empty one, and the selected events and reasons are sets.
/// </summary>
internal static class SameInput
{
    public static void Assert(StepInput expected, StepInput actual)
    {
        Xunit.Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected, actual)
        {
            case (EventsStepInput e, EventsStepInput a):
                Xunit.Assert.Equal(e.Selected.Order(StringComparer.Ordinal), a.Selected.Order(StringComparer.Ordinal));
                Xunit.Assert.Equal(Sorted(e.DeselectionReasons), Sorted(a.DeselectionReasons));
                Xunit.Assert.Equal(e.NewCustomEvents?.Count ?? 0, a.NewCustomEvents?.Count ?? 0);
                break;
            case (ScoreStepInput e, ScoreStepInput a):
                Xunit.Assert.Equal(e.ExistingMeasures ?? [], a.ExistingMeasures ?? []);
                Xunit.Assert.Equal(e with { ExistingMeasures = null }, a with { ExistingMeasures = null });
                break;
            case (TreatmentStepInput e, TreatmentStepInput a):
                Xunit.Assert.Equal(e.Measures ?? [], a.Measures ?? []);
                Xunit.Assert.Equal(e.InterimMeasures ?? [], a.InterimMeasures ?? []);
                Xunit.Assert.Equal(e with { Measures = null, InterimMeasures = null }, a with { Measures = null, InterimMeasures = null });
                break;
            default:
                Xunit.Assert.Equal(expected, actual);
                break;
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string>? reasons) =>
        (reasons ?? new Dictionary<string, string>()).OrderBy(r => r.Key, StringComparer.Ordinal);
}
