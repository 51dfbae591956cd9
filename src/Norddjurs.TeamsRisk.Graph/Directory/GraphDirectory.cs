using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Graph.Directory;

/// <summary>
/// The Entra directory through Graph (design.md §4, graph-sharepoint.md §8.3): users by object id or UPN, their manager
/// and the ids of their groups (<c>transitiveMemberOf</c>). Needs <c>User.Read.All</c> and <c>GroupMember.Read.All</c>.
/// Answers are cached briefly (<see cref="CacheLifetime"/>); a 404 means "no such user / no manager".
/// </summary>
public sealed class GraphDirectory : IDirectory
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    public const int CacheCapacity = 5_000;

    private static readonly string[] UserFields = ["id", "userPrincipalName", "displayName", "preferredLanguage"];

    private readonly GraphServiceClient _graph;
    private readonly DirectoryCache _cache;

    public GraphDirectory(GraphServiceClient graph, string tenantId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        _graph = graph;
        TenantId = tenantId;
        _cache = new DirectoryCache(time, CacheLifetime, CacheCapacity);
    }

    public string TenantId { get; }

    public Task<DirectoryUser?> FindUserAsync(string objectId, CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync("user:" + objectId, () => UserAsync(objectId, cancellationToken));

    public Task<DirectoryUser?> FindUserByUpnAsync(string upn, CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync("upn:" + upn, () => UserAsync(upn, cancellationToken));

    public Task<DirectoryUser?> FindManagerAsync(string objectId, CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync("manager:" + objectId, () => OrNullWhenMissing(async () =>
        {
            // The manager is a DirectoryObject; it is a User unless it is an organisational contact (§8.3).
            var manager = await _graph.Users[objectId].Manager.GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            return manager is User user ? ToDirectoryUser(user) : null;
        }));

    public Task<IReadOnlySet<string>> GroupIdsAsync(string objectId, CancellationToken cancellationToken) =>
        _cache.GetOrAddAsync("groups:" + objectId, async () =>
            await OrNullWhenMissing<IReadOnlySet<string>>(() => GroupsAsync(objectId, cancellationToken)).ConfigureAwait(false)
            ?? new HashSet<string>(EntraIds.Comparer));

    private Task<DirectoryUser?> UserAsync(string idOrUpn, CancellationToken cancellationToken) => OrNullWhenMissing(async () =>
    {
        var user = await _graph.Users[idOrUpn].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
        return user is null ? null : ToDirectoryUser(user);
    });

    private async Task<IReadOnlySet<string>?> GroupsAsync(string objectId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(EntraIds.Comparer);
        var memberOf = _graph.Users[objectId].TransitiveMemberOf;
        var page = await memberOf.GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            // Directory roles and administrative units come back too; only groups name roles (design.md §4).
            ids.UnionWith((page.Value ?? []).Where(o => o is Group || o.OdataType == "#microsoft.graph.group").Select(o => o.Id).OfType<string>());
            page = page.OdataNextLink is { } next
                ? await memberOf.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false)
                : null;
        }

        return ids;
    }

    private DirectoryUser? ToDirectoryUser(User user) => user.Id is { } id
        ? new DirectoryUser(TenantId, id, user.UserPrincipalName ?? string.Empty, user.DisplayName ?? string.Empty, user.PreferredLanguage)
        : null;

    private static async Task<T?> OrNullWhenMissing<T>(Func<Task<T?>> call)
        where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}
