using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Testing.Identity;

/// <summary>A directory held in memory: people, who manages whom, and group membership, added fluently.</summary>
public sealed class InMemoryDirectory(string tenantId) : IDirectory
{
    private readonly Dictionary<string, DirectoryUser> _users = new(EntraIds.Comparer);
    private readonly Dictionary<string, string> _managers = new(EntraIds.Comparer);
    private readonly Dictionary<string, HashSet<string>> _groups = new(EntraIds.Comparer);

    public string TenantId { get; } = tenantId;

    public DirectoryUser Add(string objectId, string upn, string displayName, string? managerObjectId = null, params string[] groupIds)
    {
        var user = new DirectoryUser(TenantId, objectId, upn, displayName);
        _users[objectId] = user;
        if (managerObjectId is not null)
        {
            _managers[objectId] = managerObjectId;
        }

        _groups[objectId] = new HashSet<string>(groupIds, EntraIds.Comparer);
        return user;
    }

    public Task<DirectoryUser?> FindUserAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetValueOrDefault(objectId));

    public Task<DirectoryUser?> FindUserByUpnAsync(string upn, CancellationToken cancellationToken) =>
        Task.FromResult(_users.Values.FirstOrDefault(u => string.Equals(u.Upn, upn, StringComparison.OrdinalIgnoreCase)));

    public Task<DirectoryUser?> FindManagerAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(_managers.TryGetValue(objectId, out var manager) ? _users.GetValueOrDefault(manager) : null);

    public Task<IReadOnlySet<string>> GroupIdsAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(_groups.TryGetValue(objectId, out var groups) ? groups : new HashSet<string>());
}
