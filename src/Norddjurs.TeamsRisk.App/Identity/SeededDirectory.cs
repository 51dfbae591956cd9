using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.App.Identity;

/// <summary>The Development directory (<c>Directory:Provider=Seeded</c>): the people of <c>Identity/seeded-directory.json</c>, in memory.</summary>
internal sealed class SeededDirectory : IDirectory
{
    private readonly Dictionary<string, SeededUser> _byObjectId;
    private readonly Dictionary<string, SeededUser> _byUpn;

    public SeededDirectory(SeededDirectoryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        TenantId = file.TenantId;
        _byObjectId = file.Users.ToDictionary(u => u.ObjectId, EntraIds.Comparer);
        _byUpn = file.Users.ToDictionary(u => u.Upn, StringComparer.OrdinalIgnoreCase);
    }

    public string TenantId { get; }

    public IEnumerable<DirectoryUser> Users => _byObjectId.Values.Select(ToUser);

    public Task<DirectoryUser?> FindUserAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(_byObjectId.TryGetValue(objectId, out var user) ? ToUser(user) : null);

    public Task<DirectoryUser?> FindUserByUpnAsync(string upn, CancellationToken cancellationToken) =>
        Task.FromResult(_byUpn.TryGetValue(upn, out var user) ? ToUser(user) : null);

    public Task<DirectoryUser?> FindManagerAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult(_byObjectId.TryGetValue(objectId, out var user)
            && user.ManagerObjectId is { } managerId
            && _byObjectId.TryGetValue(managerId, out var manager) ? ToUser(manager) : null);

    public Task<IReadOnlySet<string>> GroupIdsAsync(string objectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(
            _byObjectId.TryGetValue(objectId, out var user) ? user.GroupIds ?? [] : [], EntraIds.Comparer));

    private DirectoryUser ToUser(SeededUser user) => new(TenantId, user.ObjectId, user.Upn, user.DisplayName, user.PreferredLanguage);
}
