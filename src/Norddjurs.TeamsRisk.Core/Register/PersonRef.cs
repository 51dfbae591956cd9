using System.Diagnostics.CodeAnalysis;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>
/// A person as the register names them: an Entra object id or a UPN, resolved against the directory later
/// (design.md §4: the object id decides; a UPN is a way to find it). Nothing else is read from the text.
/// </summary>
public sealed record PersonRef
{
    private PersonRef(Guid? objectId, string? upn)
    {
        ObjectId = objectId;
        Upn = upn;
    }

    public Guid? ObjectId { get; }

    /// <summary>Lower-cased, because UPNs are case-insensitive and equality must agree with Entra.</summary>
    public string? Upn { get; }

    public static PersonRef FromObjectId(Guid objectId) =>
        objectId == Guid.Empty ? throw new ArgumentException("The empty GUID names nobody.", nameof(objectId)) : new(objectId, null);

    public static PersonRef FromUpn(string upn) =>
        TryParse(upn, out var person) && person.Upn is not null ? person : throw new ArgumentException("Not a UPN.", nameof(upn));

    /// <summary>Reads <c>name@domain.tld</c> or a GUID in the 8-4-4-4-12 form.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PersonRef? person)
    {
        person = null;
        var value = text?.Trim() ?? string.Empty;
        if (Guid.TryParseExact(value, "D", out var id))
        {
            person = id == Guid.Empty ? null : new PersonRef(id, null);
            return person is not null;
        }

        if (!LooksLikeUpn(value))
        {
            return false;
        }

        person = new PersonRef(null, value.ToLowerInvariant());
        return true;
    }

    public override string ToString() => ObjectId?.ToString("D") ?? Upn ?? string.Empty;

    private static bool LooksLikeUpn(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
