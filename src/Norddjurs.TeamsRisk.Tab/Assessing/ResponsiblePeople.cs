using Norddjurs.TeamsRisk.Tab.Common;
using System.Collections.ObjectModel;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Tab.Shell;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Tab.Assessing;

/// <summary>A treatment plan with its responsible people as object ids, and what could not be looked up (nothing is saved then).</summary>
public sealed record ResolvedTreatment(TreatmentStepInput Input, IReadOnlyList<FlowError> Errors);

/// <summary>
/// The treatment step's people, as the bot's card handles them: a responsible person is typed as an e-mail address (UPN)
/// and saved as the Entra object id found in the directory; an object id is taken as it is (someone who left keeps the
/// id the step shows, as on the card). An address the directory does not know is refused and kept as typed, next to its message.
/// </summary>
public sealed class ResponsiblePeople(IDirectory directory)
{
    /// <summary>The codes the bot's reader uses for the same refusals (Bot's InputErrorCodes).</summary>
    public const string NotAnEmail = "input.not_an_email";
    public const string UnknownEmail = "input.unknown_email";

    private const string ResponsibleProperty = "responsibleObjectId";

    /// <summary>The e-mail address to show for each object id the directory knows; other ids are shown as they are.</summary>
    public async Task<IReadOnlyDictionary<string, DirectoryUser>> KnownAsync(IEnumerable<string?> objectIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        var known = new Dictionary<string, DirectoryUser>(EntraIds.Comparer);
        foreach (var id in objectIds.OfType<string>().Where(id => id.Length > 0 && !id.Contains('@', StringComparison.Ordinal)).Distinct(EntraIds.Comparer))
        {
            if (await directory.FindUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                known[id] = user;
            }
        }

        return new ReadOnlyDictionary<string, DirectoryUser>(known);
    }

    public async Task<ResolvedTreatment> ResolveAsync(TreatmentStepInput input, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FlowError>();
        var measures = new List<MeasureStepInput>();
        foreach (var (measure, index) in (input.Measures ?? []).Select((m, i) => (m, i)))
        {
            var id = await ObjectIdAsync(measure.ResponsibleObjectId, FlowFields.Measure(index, ResponsibleProperty), errors, language, cancellationToken).ConfigureAwait(false);
            measures.Add(measure with { ResponsibleObjectId = id });
        }

        var interim = new List<InterimMeasureInput>();
        foreach (var (measure, index) in (input.InterimMeasures ?? []).Select((m, i) => (m, i)))
        {
            var id = await ObjectIdAsync(measure.ResponsibleObjectId, FlowFields.InterimMeasure(index, ResponsibleProperty), errors, language, cancellationToken).ConfigureAwait(false);
            interim.Add(measure with { ResponsibleObjectId = id });
        }

        return new ResolvedTreatment(input with { Measures = measures, InterimMeasures = interim }, errors);
    }

    private async Task<string?> ObjectIdAsync(string? typed, string field, List<FlowError> errors, Language language, CancellationToken cancellationToken)
    {
        typed = typed?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        // The id the step showed: a GUID, or an id the directory knows (Entra ids are GUIDs; the seeded directory's need not be).
        if (Guid.TryParse(typed, out _) || (!typed.Contains('@', StringComparison.Ordinal) && await directory.FindUserAsync(typed, cancellationToken).ConfigureAwait(false) is not null))
        {
            return typed;
        }

        var user = EmailAddresses.LooksLikeOne(typed) ? await directory.FindUserByUpnAsync(typed, cancellationToken).ConfigureAwait(false) : null;
        if (user is not null)
        {
            return user.ObjectId;
        }

        var (code, text) = EmailAddresses.LooksLikeOne(typed) ? (UnknownEmail, "treatment.responsible_unknown") : (NotAnEmail, "treatment.responsible_not_email");
        var args = new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = typed };
        errors.Add(new FlowError(field, new DomainError(code, args), TabTexts.Get(text, language, ("value", typed))));
        return typed;
    }
}
