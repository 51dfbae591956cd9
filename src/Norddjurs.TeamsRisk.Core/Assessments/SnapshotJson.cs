using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>JSON for the parts of a snapshot; the same shapes feed the audit entries' inputs and computed values.</summary>
public static class SnapshotJson
{
    public static JsonObject Facts(SystemFacts f) => new()
    {
        ["systemId"] = f.SystemId,
        ["recordVersion"] = f.RecordVersion,
        ["planned"] = f.Planned,
        ["personalData"] = f.PersonalData,
        ["highestDataClass"] = f.HighestDataClass,
        ["dataSubjectsApprox"] = f.DataSubjectsApprox,
        ["lifeOrHealthCritical"] = f.LifeOrHealthCritical,
        ["supportsDecisionsOrPayments"] = f.SupportsDecisionsOrPayments,
        ["payments"] = f.Payments,
        ["onPremises"] = f.OnPremises,
        ["external"] = f.External,
        ["cloud"] = f.Cloud,
        ["internetFacing"] = f.InternetFacing,
        ["sharedInfrastructure"] = f.SharedInfrastructure,
        ["thirdCountryTransfer"] = f.ThirdCountryTransfer.ToString().ToLowerInvariant(),
        ["transferTool"] = f.TransferTool,
        ["sensitiveDataTransferred"] = f.SensitiveDataTransferred,
        ["isProcessor"] = f.IsProcessor,
        ["hasDataProcessingAgreement"] = f.HasDataProcessingAgreement,
        ["mtdHours"] = f.MtdHours,
        ["rpoHours"] = f.RpoHours,
        ["hasPeakPeriods"] = f.HasPeakPeriods,
        ["thirdCountryClearedByCommittee"] = f.ThirdCountryClearedByCommittee,
    };

    public static JsonObject? Profile(ProfileValue? p) => p is null ? null : new JsonObject
    {
        ["suggested"] = p.Suggested,
        ["value"] = p.Value,
        ["source"] = p.Source.ToString().ToLowerInvariant(),
        ["reason"] = p.Reason,
    };

    public static JsonObject Event(EventChoice e, Assessment assessment)
    {
        var json = new JsonObject
        {
            ["eventId"] = e.EventId,
            ["origin"] = e.Origin.ToString(),
            ["selected"] = e.Selected,
            ["deselectionReason"] = e.DeselectionReason,
        };
        if (assessment.CustomEvents.FirstOrDefault(c => c.Id == e.EventId) is { } custom)
        {
            json["custom"] = new JsonObject
            {
                ["name"] = custom.Name.Da,
                ["description"] = custom.Description.Da,
                ["cia"] = new JsonArray([.. custom.Cia.Select(d => (JsonNode)d.Id())]),
            };
        }

        return json;
    }

    public static JsonObject Line(RiskLine line, RiskMethod method) => new()
    {
        ["eventId"] = line.EventId,
        ["existingMeasures"] = new JsonArray([.. line.ExistingMeasures.Select(i => (JsonNode)i)]),
        ["likelihood"] = line.Likelihood.Value,
        ["availability"] = Availability(line.Availability),
        ["consequence"] = Consequence(line.Consequence),
        ["points"] = line.Score.Points,
        ["band"] = line.Score.Band.Id,
        ["withinAppetite"] = line.Score.WithinAppetite,
        ["requiredAuthority"] = method.RuleFor(line.Score.Band).DecisionAuthority,
        ["treatment"] = Treatment(line.Treatment),
    };

    public static JsonObject? Availability(AvailabilityAssessment? a) => a is null ? null : new JsonObject
    {
        ["expectedOutageHours"] = a.ExpectedOutageHours,
        ["mtdHours"] = a.MtdHours,
        ["ratio"] = a.Ratio,
        ["expectedDataLossHours"] = a.ExpectedDataLossHours,
        ["rpoHours"] = a.RpoHours,
        ["dataLossBeyondRpo"] = a.DataLossBeyondRpo,
        ["peakBump"] = a.PeakBump,
        ["peakReason"] = a.PeakReason,
        ["level"] = a.Level.Value,
    };

    public static JsonObject Consequence(ConsequenceAssessment c) => new()
    {
        ["components"] = new JsonObject([.. c.Components.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key.Id(), p.Value.Value))]),
        ["computed"] = c.Computed.Value,
        ["decidingDimension"] = c.DecidingDimension.Id(),
        ["override"] = c.Override is null ? null : new JsonObject { ["level"] = c.Override.Level.Value, ["reason"] = c.Override.Reason },
        ["effective"] = c.Effective.Value,
        ["flaggedToCommittee"] = c.FlaggedToCommittee,
    };

    public static JsonObject? Treatment(Treatment? t) => t is null ? null : new JsonObject
    {
        ["kind"] = t.Kind.Id(),
        ["justification"] = t.Justification,
        ["measures"] = new JsonArray([.. t.Measures.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["description"] = m.Description,
            ["responsible"] = m.ResponsibleObjectId,
            ["deadline"] = m.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["deadlineExceptionReason"] = m.DeadlineExceptionReason,
            ["targetLikelihood"] = m.TargetLikelihood.Value,
            ["targetConsequence"] = m.TargetConsequence.Value,
        })]),
        ["interimMeasures"] = new JsonArray([.. t.InterimMeasures.Select(m => (JsonNode)new JsonObject
        {
            ["description"] = m.Description,
            ["responsible"] = m.ResponsibleObjectId,
        })]),
        ["residual"] = t.Residual is null ? null : new JsonObject
        {
            ["likelihood"] = t.Residual.Likelihood.Value,
            ["consequence"] = t.Residual.Consequence.Value,
            ["points"] = t.Residual.Points,
            ["band"] = t.Residual.Band.Id,
            ["withinAppetite"] = t.Residual.WithinAppetite,
        },
    };

    public static JsonObject Flags(AssessmentFlags f) => new()
    {
        ["considerDpia"] = f.ConsiderDpia,
        ["priorConsultationMayBeRequired"] = f.PriorConsultationMayBeRequired,
        ["thirdCountryTransfer"] = f.ThirdCountryTransfer,
        ["complianceGaps"] = new JsonArray([.. f.ComplianceGaps.Select(g => (JsonNode)g)]),
        ["procurementHold"] = f.ProcurementHold,
        ["committeeReviewMandatory"] = f.CommitteeReviewMandatory,
        ["loweredOverrides"] = new JsonArray([.. f.LoweredOverrides.Select(e => (JsonNode)e)]),
    };
}
