using Norddjurs.TeamsRisk.Core.Data;

namespace Norddjurs.TeamsRisk.Core.Method;

/// <summary>
/// The rules across fields that a method must satisfy before it can be used (risk-method.md §3.5 rule 9):
/// complete level lists, contiguous bands covering min²..max², a rule per band, an existing appetite band,
/// unique ids and resolvable references. Every violation is reported with its path.
/// </summary>
internal static class MethodRules
{
    public static void Check(RiskMethod method, DataReader reader)
    {
        var scale = method.Scale;
        LevelsComplete(method.Likelihood.Levels.Select(l => l.Value), scale, "$.likelihood.levels", reader);
        LevelsComplete(method.Consequence.Levels.Select(l => l.Value), scale, "$.consequence.levels", reader);
        CheckBands(method, reader);
        CheckBandRules(method, reader);
        CheckRoles(method, reader);
        CheckConsequence(method, reader);
        CheckCellOverrides(method, reader);
        CheckReferences(method, reader);
        UniqueIds(method.ReassessmentTriggers, "$.reassessmentTriggers", reader);
        UniqueIds(method.ComplianceGaps.Kinds, "$.complianceGaps.kinds", reader);
        if (method.Status == MethodStatus.Active && !method.Approval.IsComplete)
        {
            reader.Report("$.approval", DataErrorCodes.ApprovalIncomplete);
        }
    }

    private static void LevelsComplete(IEnumerable<int> values, Scale scale, string path, DataReader reader)
    {
        var found = values.ToList();
        if (!found.Order().SequenceEqual(scale.Values))
        {
            reader.Report(path, DataErrorCodes.LevelsIncomplete, ("min", scale.Min), ("max", scale.Max), ("found", string.Join(", ", found)));
        }
    }

    private static void InScale(int value, Scale scale, string path, DataReader reader)
    {
        if (!scale.Contains(value))
        {
            reader.Report(path, DataErrorCodes.OutOfRange, ("value", value), ("min", scale.Min), ("max", scale.Max));
        }
    }

    /// <summary>Reports each repeated id at its item, or at the item's <paramref name="member"/> when the items are objects.</summary>
    private static void UniqueIds(IReadOnlyList<string> ids, string path, DataReader reader, string? member = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i]))
            {
                reader.Report(member is null ? $"{path}[{i}]" : $"{path}[{i}].{member}", DataErrorCodes.DuplicateId, ("id", ids[i]));
            }
        }
    }

    private static void CheckBands(RiskMethod method, DataReader reader)
    {
        var bands = method.Bands;
        if (bands.Count == 0)
        {
            reader.Report("$.bands", DataErrorCodes.Empty);
            return;
        }

        UniqueIds(bands.Select(b => b.Id).ToList(), "$.bands", reader, "id");
        var orders = new HashSet<int>();
        for (var i = 0; i < bands.Count; i++)
        {
            if (!orders.Add(bands[i].Order))
            {
                reader.Report($"$.bands[{i}].order", DataErrorCodes.DuplicateId, ("id", bands[i].Order));
            }

            if (bands[i].MinPoints > bands[i].MaxPoints)
            {
                reader.Report($"$.bands[{i}].maxPoints", DataErrorCodes.OutOfRange, ("value", bands[i].MaxPoints), ("min", bands[i].MinPoints), ("max", method.Scale.MaxPoints));
            }
        }

        // Contiguous in the order of points, and the band order must rise with the points.
        var byPoints = bands.Select((b, i) => (Band: b, Index: i)).OrderBy(x => x.Band.MinPoints).ToList();
        for (var k = 1; k < byPoints.Count; k++)
        {
            var (previous, current) = (byPoints[k - 1].Band, byPoints[k].Band);
            if (current.MinPoints != previous.MaxPoints + 1)
            {
                reader.Report($"$.bands[{byPoints[k].Index}].minPoints", DataErrorCodes.BandsNotContiguous,
                    ("band", current.Id), ("found", current.MinPoints), ("expected", previous.MaxPoints + 1));
            }

            if (current.Order <= previous.Order)
            {
                reader.Report($"$.bands[{byPoints[k].Index}].order", DataErrorCodes.OutOfRange, ("value", current.Order), ("min", previous.Order + 1), ("max", int.MaxValue));
            }
        }

        var from = byPoints[0].Band.MinPoints;
        var to = byPoints.Max(x => x.Band.MaxPoints);
        if (from != method.Scale.MinPoints || to != method.Scale.MaxPoints)
        {
            reader.Report("$.bands", DataErrorCodes.BandsDoNotCover, ("min", method.Scale.MinPoints), ("max", method.Scale.MaxPoints), ("from", from), ("to", to));
        }
    }

    private static void CheckBandRules(RiskMethod method, DataReader reader)
    {
        var bandIds = method.Bands.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var band in method.Bands.Where(b => !method.BandRules.ContainsKey(b.Id)))
        {
            reader.Report($"$.bandRules.{band.Id}", DataErrorCodes.BandWithoutRule, ("band", band.Id));
        }

        foreach (var (id, rule) in method.BandRules)
        {
            var path = $"$.bandRules.{id}";
            if (!bandIds.Contains(id))
            {
                reader.Report(path, DataErrorCodes.UnknownReference, ("value", id), ("kind", "band"));
            }

            if (!method.Roles.TryGetValue(rule.DecisionAuthority, out var authority) || authority.Rank is null)
            {
                reader.Report($"{path}.decisionAuthority", DataErrorCodes.UnknownReference, ("value", rule.DecisionAuthority), ("kind", "role with a rank"));
            }

            if (rule.ResidualTargetBand is { } residual && !bandIds.Contains(residual))
            {
                reader.Report($"{path}.residualTargetBand", DataErrorCodes.UnknownReference, ("value", residual), ("kind", "band"));
            }

            UniqueIds(rule.AllowedDecisions.Select(d => d.Id()).ToList(), $"{path}.allowedDecisions", reader);
            for (var i = 0; i < rule.NotifyOnSubmit.Count; i++)
            {
                if (!method.Roles.ContainsKey(rule.NotifyOnSubmit[i]))
                {
                    reader.Report($"{path}.notifyOnSubmit[{i}]", DataErrorCodes.UnknownReference, ("value", rule.NotifyOnSubmit[i]), ("kind", "role"));
                }
            }
        }
    }

    private static void CheckRoles(RiskMethod method, DataReader reader)
    {
        foreach (var (id, role) in method.Roles)
        {
            if (role.Rank is < 1)
            {
                reader.Report($"$.roles.{id}.rank", DataErrorCodes.OutOfRange, ("value", role.Rank), ("min", 1), ("max", int.MaxValue));
            }
        }

        var steps = method.Deadlines.MeasureOverdueEscalation;
        for (var i = 0; i < steps.Count; i++)
        {
            if (!method.Roles.ContainsKey(steps[i].To.Id()))
            {
                reader.Report($"$.deadlines.measureOverdueEscalation[{i}].to", DataErrorCodes.UnknownReference, ("value", steps[i].To.Id()), ("kind", "role"));
            }

            if (i > 0 && steps[i].AfterDays <= steps[i - 1].AfterDays)
            {
                reader.Report($"$.deadlines.measureOverdueEscalation[{i}].afterDays", DataErrorCodes.ThresholdsNotAscending);
            }
        }
    }

    private static void CheckConsequence(RiskMethod method, DataReader reader)
    {
        var consequence = method.Consequence;
        var scale = method.Scale;
        UniqueIds(consequence.Dimensions.Select(d => d.Dimension.Id()).ToList(), "$.consequence.dimensions", reader, "id");
        foreach (var dimension in Enum.GetValues<Dimension>().Where(d => consequence.Dimensions.All(x => x.Dimension != d)))
        {
            reader.Report("$.consequence.dimensions", DataErrorCodes.MissingKey, ("key", dimension.Id()));
        }

        var classes = consequence.ConfidentialitySuggestion.ByDataClass;
        UniqueIds(classes.Select(c => c.DataClass).ToList(), "$.consequence.confidentialitySuggestion.byDataClass", reader, "dataClass");
        foreach (var missing in MethodVocabulary.DataClasses.Where(c => classes.All(x => x.DataClass != c)))
        {
            reader.Report("$.consequence.confidentialitySuggestion.byDataClass", DataErrorCodes.MissingKey, ("key", missing));
        }

        for (var i = 0; i < classes.Count; i++)
        {
            InScale(classes[i].Few, scale, $"$.consequence.confidentialitySuggestion.byDataClass[{i}].few", reader);
            InScale(classes[i].Many, scale, $"$.consequence.confidentialitySuggestion.byDataClass[{i}].many", reader);
        }

        var integrity = consequence.IntegritySuggestion;
        InScale(integrity.LifeOrHealth, scale, "$.consequence.integritySuggestion.lifeOrHealth", reader);
        InScale(integrity.DecisionsOrPayments, scale, "$.consequence.integritySuggestion.decisionsOrPayments", reader);
        InScale(integrity.Other, scale, "$.consequence.integritySuggestion.other", reader);

        var availability = consequence.Availability;
        Thresholds(availability.MtdRatioToLevel, scale, "$.consequence.availability.mtdRatioToLevel", reader);
        Thresholds(availability.HoursToLevelWithoutMtd, scale, "$.consequence.availability.hoursToLevelWithoutMtd", reader);
        InScale(availability.DataLossBeyondRpoMinLevel, scale, "$.consequence.availability.dataLossBeyondRpoMinLevel", reader);
        var picks = availability.ExpectedOutageQuickPicksHours;
        for (var i = 0; i < picks.Count; i++)
        {
            if (picks[i] < 1 || (i > 0 && picks[i] <= picks[i - 1]))
            {
                reader.Report($"$.consequence.availability.expectedOutageQuickPicksHours[{i}]", DataErrorCodes.ThresholdsNotAscending);
            }
        }
    }

    private static void Thresholds(IReadOnlyList<Threshold> thresholds, Scale scale, string path, DataReader reader)
    {
        if (thresholds.Count == 0)
        {
            reader.Report(path, DataErrorCodes.Empty);
            return;
        }

        for (var i = 0; i < thresholds.Count; i++)
        {
            InScale(thresholds[i].Level, scale, $"{path}[{i}].level", reader);
            var isLast = i == thresholds.Count - 1;
            if ((thresholds[i].UpTo is null) != isLast)
            {
                reader.Report($"{path}[{i}].upTo", DataErrorCodes.ThresholdsOpenEnd);
            }
            else if (i > 0 && thresholds[i].UpTo is { } upTo && thresholds[i - 1].UpTo is { } previous && upTo <= previous)
            {
                reader.Report($"{path}[{i}].upTo", DataErrorCodes.ThresholdsNotAscending);
            }

            if (i > 0 && thresholds[i].Level < thresholds[i - 1].Level)
            {
                reader.Report($"{path}[{i}].level", DataErrorCodes.ThresholdsNotAscending);
            }
        }
    }

    private static void CheckCellOverrides(RiskMethod method, DataReader reader)
    {
        var cells = method.Points.CellOverrides;
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < cells.Count; i++)
        {
            var path = $"$.points.cellOverrides[{i}]";
            InScale(cells[i].Likelihood, method.Scale, $"{path}.likelihood", reader);
            InScale(cells[i].Consequence, method.Scale, $"{path}.consequence", reader);
            if (method.Bands.All(b => b.Id != cells[i].Band))
            {
                reader.Report($"{path}.band", DataErrorCodes.UnknownReference, ("value", cells[i].Band), ("kind", "band"));
            }

            if (!seen.Add((cells[i].Likelihood, cells[i].Consequence)))
            {
                reader.Report(path, DataErrorCodes.DuplicateId, ("id", $"{cells[i].Likelihood}×{cells[i].Consequence}"));
            }
        }
    }

    private static void CheckReferences(RiskMethod method, DataReader reader)
    {
        void Band(string id, string path)
        {
            if (method.Bands.All(b => b.Id != id))
            {
                reader.Report(path, DataErrorCodes.UnknownReference, ("value", id), ("kind", "band"));
            }
        }

        Band(method.Appetite.HighestAcceptableBand, "$.appetite.highestAcceptableBand");
        Band(method.Gdpr.DpiaFlagFromBand, "$.gdpr.dpiaFlagFromBand");
        Band(method.Gdpr.PriorConsultationFlagIfResidualFromBand, "$.gdpr.priorConsultationFlagIfResidualFromBand");
    }
}
