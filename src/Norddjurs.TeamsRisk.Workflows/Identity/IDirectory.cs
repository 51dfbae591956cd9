namespace Norddjurs.TeamsRisk.Workflows.Identity;

/// <summary>
/// The people and groups of one Entra tenant, as far as roles need them (design.md §4). Production asks Graph;
/// Development reads a seeded file. Ids are compared case-insensitively (<see cref="EntraIds"/>).
/// </summary>
public interface IDirectory
{
    /// <summary>The tenant this directory answers for; actors from another tenant have no roles here.</summary>
    string TenantId { get; }

    /// <summary>The user with this object id, or null when the directory has no such user.</summary>
    Task<DirectoryUser?> FindUserAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>The user with this UPN (case-insensitive), or null.</summary>
    Task<DirectoryUser?> FindUserByUpnAsync(string upn, CancellationToken cancellationToken);

    /// <summary>The user's manager in Entra, or null when none is set or the user is unknown.</summary>
    Task<DirectoryUser?> FindManagerAsync(string objectId, CancellationToken cancellationToken);

    /// <summary>The ids of the groups the user is a member of (transitively, as Graph's <c>transitiveMemberOf</c>); empty for an unknown user.</summary>
    Task<IReadOnlySet<string>> GroupIdsAsync(string objectId, CancellationToken cancellationToken);
}
