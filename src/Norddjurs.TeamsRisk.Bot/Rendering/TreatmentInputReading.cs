using System.Globalization;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The treatment card read back for its line. Measure rows take their ids from the action data in row order; a filled
/// row beyond them is new (no id), and an entirely empty row — the card's blank row for adding one — is left out.
/// The responsible person is typed as an e-mail address and saved as the Entra object id.
/// </summary>
internal sealed class TreatmentInputReading(IDirectory directory, CardFields fields)
{
    private const string MeasuresList = "measures";
    private const string InterimList = "interimMeasures";

    /// <summary>No line needs more; a larger index is not from our card, and the rows below it would be read for nothing.</summary>
    private const int MaxRows = 100;

    private static readonly string[] Kinds = [.. Enum.GetValues<TreatmentKind>().Select(k => k.Id())];

    private static readonly string[] MeasureProperties =
    [
        CardInputIds.MeasureProperty.Description, CardInputIds.MeasureProperty.Responsible, CardInputIds.MeasureProperty.Deadline,
        CardInputIds.MeasureProperty.TargetLikelihood, CardInputIds.MeasureProperty.TargetConsequence, CardInputIds.MeasureProperty.DeadlineExceptionReason,
    ];

    public async Task<TreatmentStepInput> ReadAsync(string eventId, IReadOnlyList<string> measureIds, CancellationToken cancellationToken)
    {
        var kind = fields.OneOf(CardInputIds.Kind, Kinds) is { } id && TreatmentKindIds.TryParse(id, out var parsed) ? parsed : (TreatmentKind?)null;
        var justification = fields.Text(CardInputIds.Justification, InputLimits.Text);

        var measures = new List<MeasureStepInput>();
        for (var i = 0; i < Math.Min(Math.Max(Rows(MeasuresList), measureIds.Count), MaxRows); i++)
        {
            if (await MeasureAsync(i, i < measureIds.Count && measureIds[i].Length > 0 ? measureIds[i] : null, cancellationToken).ConfigureAwait(false) is { } measure)
            {
                measures.Add(measure);
            }
        }

        var interim = new List<InterimMeasureInput>();
        for (var i = 0; i < Rows(InterimList); i++)
        {
            string Id(string property) => CardInputIds.InterimMeasure(i, property);
            var description = fields.Text(Id(CardInputIds.MeasureProperty.Description), InputLimits.Text);
            var responsible = await ResponsibleAsync(Id(CardInputIds.MeasureProperty.Responsible), cancellationToken).ConfigureAwait(false);
            if (description is not null || responsible is not null)
            {
                interim.Add(new InterimMeasureInput(description, responsible));
            }
        }

        return new TreatmentStepInput(eventId, kind, justification, measures, interim);
    }

    private async Task<MeasureStepInput?> MeasureAsync(int index, string? measureId, CancellationToken cancellationToken)
    {
        string Id(string property) => CardInputIds.Measure(index, property);
        if (MeasureProperties.All(p => fields.Raw(Id(p)) is null))
        {
            return null;
        }

        return new MeasureStepInput(
            measureId,
            fields.Text(Id(CardInputIds.MeasureProperty.Description), InputLimits.Text),
            await ResponsibleAsync(Id(CardInputIds.MeasureProperty.Responsible), cancellationToken).ConfigureAwait(false),
            fields.Date(Id(CardInputIds.MeasureProperty.Deadline)),
            fields.Whole(Id(CardInputIds.MeasureProperty.TargetLikelihood)),
            fields.Whole(Id(CardInputIds.MeasureProperty.TargetConsequence)),
            fields.Text(Id(CardInputIds.MeasureProperty.DeadlineExceptionReason), InputLimits.Text));
    }

    /// <summary>
    /// The object id for a typed e-mail address. An object id itself is taken as it is: the card shows one the
    /// directory does not know (someone who left), and Next on an unchanged card must not refuse it. An address the
    /// directory does not know is refused, and kept as typed so the card shows it next to the error.
    /// </summary>
    private async Task<string?> ResponsibleAsync(string id, CancellationToken cancellationToken)
    {
        var typed = fields.Text(id, InputLimits.Email)?.Trim();
        if (typed is null || Guid.TryParse(typed, out _))
        {
            return typed;
        }

        if (!EmailAddresses.LooksLikeOne(typed))
        {
            fields.Refuse(id, InputErrorCodes.NotAnEmail, ("value", CardFields.Quote(typed)));
            return typed;
        }

        if (await directory.FindUserByUpnAsync(typed, cancellationToken).ConfigureAwait(false) is { } user)
        {
            return user.ObjectId;
        }

        fields.Refuse(id, InputErrorCodes.UnknownEmail, ("value", CardFields.Quote(typed)));
        return typed;
    }

    /// <summary>How many rows of the list were sent: one more than the highest index among the input ids ("measures[2].deadline").</summary>
    private int Rows(string list)
    {
        var prefix = list + "[";
        var rows = 0;
        foreach (var id in fields.Ids.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var close = id.IndexOf(']', prefix.Length);
            if (close > prefix.Length &&
                int.TryParse(id.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                index < MaxRows)
            {
                rows = Math.Max(rows, index + 1);
            }
        }

        return rows;
    }
}
