using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>One item per lease name (its OperationId, unique): the first create wins a free name, If-Match wins a taken one.</summary>
public sealed partial class GraphRiskStore
{
    public async Task<Lease?> TryAcquireLeaseAsync(string name, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var expiresAt = now + ttl;
        var fields = new JsonObject
        {
            [ColumnNames.OperationId] = name,
            [ColumnNames.Holder] = holder,
            [ColumnNames.FencingToken] = 1,
            [ColumnNames.ExpiresAt] = FieldValues.Time(expiresAt),
        };
        FieldValues.EnsureFits(ListSchema.Get(ListSchema.LeasesKey), fields);
        var item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, name, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            try
            {
                await _graph.SendAsync(new GraphRequest("POST", ItemsUrl(ListSchema.LeasesKey), new JsonObject { ["fields"] = fields }), cancellationToken).ConfigureAwait(false);
                return new Lease(name, holder, 1, expiresAt);
            }
            catch (GraphStoreException e) when (GraphGateway.IsStatus(e, _duplicate))
            {
                // Another instance created it first; decide against what it wrote.
                item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, name, cancellationToken).ConfigureAwait(false);
                if (item is null)
                {
                    return null;
                }
            }
        }

        var current = ToLease(name, item);
        if (current.ExpiresAt > now && current.Holder != holder)
        {
            return null;
        }

        // A live lease of the same holder is renewed; any other acquisition is a new holding with a new token.
        var token = current.ExpiresAt > now ? current.FencingToken : current.FencingToken + 1;
        fields[ColumnNames.FencingToken] = token;
        return await PatchLeaseAsync(item, fields, cancellationToken).ConfigureAwait(false)
            ? new Lease(name, holder, token, expiresAt)
            : null;
    }

    public async Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, lease.Name, cancellationToken).ConfigureAwait(false);
        if (item is null || ToLease(lease.Name, item) is not { } current
            || current.Holder != lease.Holder || current.FencingToken != lease.FencingToken || current.ExpiresAt <= now)
        {
            return null;
        }

        var expiresAt = now + ttl;
        return await PatchLeaseAsync(item, new JsonObject { [ColumnNames.ExpiresAt] = FieldValues.Time(expiresAt) }, cancellationToken).ConfigureAwait(false)
            ? lease with { ExpiresAt = expiresAt }
            : null;
    }

    public async Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, lease.Name, cancellationToken).ConfigureAwait(false);
        if (item is null || ToLease(lease.Name, item) is not { } current || current.Holder != lease.Holder || current.FencingToken != lease.FencingToken)
        {
            return false;
        }

        // Expired rather than deleted: the next holder's token must still be greater than this one.
        return await PatchLeaseAsync(item, new JsonObject { [ColumnNames.ExpiresAt] = FieldValues.Time(FieldValues.Epoch) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Held means nobody acquired the name since (same token and holder): fencing, not the clock, decides.</summary>
    private async Task<bool> HoldsLeaseAsync(Lease lease, CancellationToken cancellationToken) =>
        await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, lease.Name, cancellationToken).ConfigureAwait(false) is { } item
        && ToLease(lease.Name, item) is var current && current.FencingToken == lease.FencingToken && current.Holder == lease.Holder;

    private async Task<bool> PatchLeaseAsync(ItemRecord item, JsonObject fields, CancellationToken cancellationToken)
    {
        try
        {
            await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.LeasesKey, item.ItemId) + "/fields", fields, item.ETag), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, 412))
        {
            return false;
        }
    }

    private static Lease ToLease(string name, ItemRecord item) =>
        new(name, item.Text(ColumnNames.Holder) ?? string.Empty, item.Number(ColumnNames.FencingToken) ?? 0, ItemRecord.Time(item.Fields, ColumnNames.ExpiresAt) ?? FieldValues.Epoch);
}
