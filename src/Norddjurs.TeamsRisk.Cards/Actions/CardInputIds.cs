using System.Globalization;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Actions;

/// <summary>
/// The ids of the cards' inputs: what the bot reads back from an action's data. They equal Workflows' error field
/// names (<c>FlowFields</c>) where one exists, so an error lands next to the input it is about. Stable: changing one
/// breaks cards already posted in chats.
/// </summary>
public static class CardInputIds
{
    // Facts card: "facts." + the SystemFacts property in camelCase (errors on "facts" show at the top).
    public const string FactsPrefix = "facts.";

    // Profile card.
    public const string Confidentiality = "confidentiality";
    public const string ConfidentialityReason = "confidentialityReason";
    public const string Integrity = "integrity";
    public const string IntegrityReason = "integrityReason";

    // Events card: one toggle per event ("true"/"false") and a reason per pre-selected event.
    public const string Selected = "selected";
    public const string NewEventName = "newCustomEvents[0].name";
    public const string NewEventDescription = "newCustomEvents[0].description";

    // Score card. existingMeasures is a multi-select: the ticked measures' indexes, comma separated ("0,2").
    public const string ExistingMeasures = "existingMeasures";
    public const string Likelihood = "likelihood";
    public const string ExpectedOutageHours = "expectedOutageHours";
    public const string ExpectedDataLossHours = "expectedDataLossHours";
    public const string PeakBump = "peakBump";
    public const string PeakReason = "peakReason";
    public const string OverrideConsequence = "overrideConsequence";
    public const string OverrideReason = "overrideReason";

    // Treatment card.
    public const string Kind = "kind";
    public const string Justification = "justification";

    // Number inputs arrive as invariant strings ("1.5"), dates as "yyyy-MM-dd", toggles as "true"/"false".

    // Summary card: a CardStep token ("Score:CYB-RANSOM").
    public const string JumpTarget = "jumpTarget";

    // Committee card: the comment that goes with a return; recommendations per line (Recommendation).
    public const string ReturnComment = "comment";

    // Escalation card: a shortened deadline per measure (ShortenedDeadline), the required measure, the acceptance.
    public const string RequiredMeasure = "required.description";
    public const string RequiredDeadline = "required.deadline";
    public const string AcceptJustification = "accept.justification";
    public const string AcceptUntil = "accept.until";
    public const string AcceptCaseNumber = "accept.caseNumber";
    public const string AcceptMinutes = "accept.minutesReference";

    /// <summary>"deadlines[m1]": the endorsed deadline of one of the owner's measures (only shorter than planned).</summary>
    public static string ShortenedDeadline(string measureId) => $"deadlines[{measureId}]";

    /// <summary>"facts.mtdHours": the prefix and a SystemFacts property in camelCase.</summary>
    public static string Fact(string camelProperty) => FactsPrefix + camelProperty;

    public static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];

    /// <summary>"selected[PHY-POWER]": "true" keeps the event.</summary>
    public static string EventSelected(string eventId) => $"{Selected}[{eventId}]";

    /// <summary>"recommendations[CYB-RANSOM]": the committee's recommendation (indstilling) for one line.</summary>
    public static string Recommendation(string eventId) => $"recommendations[{eventId}]";

    /// <summary>"deselectionReasons[PHY-POWER]", as Workflows names the field.</summary>
    public static string DeselectionReason(string eventId) => $"deselectionReasons[{eventId}]";

    /// <summary>"newCustomEvents[0].C": "true" when the new event affects the dimension.</summary>
    public static string NewEventDimension(Dimension dimension) => $"newCustomEvents[0].{dimension.Id()}";

    /// <summary>"measures[1].deadline"; properties as in Workflows' MeasureStepInput, camelCase.</summary>
    public static string Measure(int index, string property) => Indexed("measures", index, property);

    public static string InterimMeasure(int index, string property) => Indexed("interimMeasures", index, property);

    /// <summary>The properties of a measure row.</summary>
    public static class MeasureProperty
    {
        public const string Description = "description";
        /// <summary>The responsible person's e-mail address; the bot resolves it to the Entra object id (Workflows' field "responsibleObjectId").</summary>
        public const string Responsible = "responsible";

        /// <summary>Workflows' error field for the responsible person; shown next to <see cref="Responsible"/>.</summary>
        public const string ResponsibleErrorField = "responsibleObjectId";
        public const string Deadline = "deadline";
        public const string DeadlineExceptionReason = "deadlineExceptionReason";
        public const string TargetLikelihood = "targetLikelihood";
        public const string TargetConsequence = "targetConsequence";
    }

    private static string Indexed(string list, int index, string property) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{property}");
}
