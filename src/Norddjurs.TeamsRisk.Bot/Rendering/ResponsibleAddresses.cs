using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Rendering;

/// <summary>
/// The e-mail address (UPN) the treatment card shows for each responsible person's Entra object id. An id the
/// directory does not know is shown as it is, so the owner sees that someone is set and can type an address instead;
/// the input reader accepts such an id back unchanged.
/// </summary>
internal sealed class ResponsibleAddresses
{
    private readonly Dictionary<string, string> _upns = new(EntraIds.Comparer);

    public static async Task<ResponsibleAddresses> OfAsync(IDirectory directory, TreatmentStepInput input, CancellationToken cancellationToken)
    {
        var addresses = new ResponsibleAddresses();
        var ids = (input.Measures ?? []).Select(m => m.ResponsibleObjectId)
            .Concat((input.InterimMeasures ?? []).Select(m => m.ResponsibleObjectId))
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(EntraIds.Comparer);
        foreach (var id in ids)
        {
            if (await directory.FindUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                addresses._upns[id] = user.Upn;
            }
        }

        return addresses;
    }

    public string? Of(string? objectId) =>
        objectId is null ? null : _upns.GetValueOrDefault(objectId, objectId);
}
