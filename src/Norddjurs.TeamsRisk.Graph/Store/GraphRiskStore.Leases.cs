using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Graph.Lists;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Graph.Store;

/// <summary>One item per lease name (its OperationId, unique): the first create wins a free name, If-Match wins a taken one.</summary>
public sealed partial class GraphRiskStore
{
    // The lease items this instance wrote last, with the eTag its write returned. Renewing or releasing a lease still held is
    // then one PATCH with that If-Match: a 412 means someone wrote the item since, and the read decides as before.
    private readonly ConcurrentDictionary<string, ItemRecord> _leaseItems = new(StringComparer.Ordinal);

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
                var created = await _graph.SendAsync(new GraphRequest("POST", ItemsUrl(ListSchema.LeasesKey), new JsonObject { ["fields"] = fields }), cancellationToken).ConfigureAwait(false);
                RememberLeaseItem(name, created is null ? null : ItemRecord.Parse(created));
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
        return await PatchLeaseAsync(name, item, fields, cancellationToken).ConfigureAwait(false)
            ? new Lease(name, holder, token, expiresAt)
            : null;
    }

    public async Task<Lease?> RenewLeaseAsync(Lease lease, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var expiresAt = now + ttl;
        var fields = new JsonObject { [ColumnNames.ExpiresAt] = FieldValues.Time(expiresAt) };
        if (WrittenLeaseItem(lease) is { } written && ToLease(lease.Name, written).ExpiresAt > now
            && await PatchLeaseAsync(lease.Name, written, fields, cancellationToken).ConfigureAwait(false))
        {
            return lease with { ExpiresAt = expiresAt };
        }

        var item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, lease.Name, cancellationToken).ConfigureAwait(false);
        if (item is null || ToLease(lease.Name, item) is not { } current
            || current.Holder != lease.Holder || current.FencingToken != lease.FencingToken || current.ExpiresAt <= now)
        {
            return null;
        }

        return await PatchLeaseAsync(lease.Name, item, fields, cancellationToken).ConfigureAwait(false)
            ? lease with { ExpiresAt = expiresAt }
            : null;
    }

    public async Task<bool> ReleaseLeaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);

        // Expired rather than deleted: the next holder's token must still be greater than this one.
        var fields = new JsonObject { [ColumnNames.ExpiresAt] = FieldValues.Time(FieldValues.Epoch) };
        if (WrittenLeaseItem(lease) is { } written && await PatchLeaseAsync(lease.Name, written, fields, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var item = await FindAsync(ListSchema.LeasesKey, ColumnNames.OperationId, lease.Name, cancellationToken).ConfigureAwait(false);
        if (item is null || ToLease(lease.Name, item) is not { } current || current.Holder != lease.Holder || current.FencingToken != lease.FencingToken)
        {
            return false;
        }

        return await PatchLeaseAsync(lease.Name, item, fields, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Held means nobody acquired the name since (same token and holder): fencing, not the clock, decides.</summary>
    private static bool IsHolding(Lease lease, ItemRecord item) =>
        ToLease(lease.Name, item) is var current && current.FencingToken == lease.FencingToken && current.Holder == lease.Holder;

    private async Task<bool> PatchLeaseAsync(string name, ItemRecord item, JsonObject fields, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _graph.SendAsync(new GraphRequest("PATCH", ItemUrl(ListSchema.LeasesKey, item.ItemId) + "/fields", fields, item.ETag), cancellationToken).ConfigureAwait(false);
            RememberLeaseItem(name, answer?["@odata.etag"] is null ? null : item.Patched(answer));
            return true;
        }
        catch (GraphStoreException e) when (GraphGateway.IsStatus(e, 412))
        {
            _leaseItems.TryRemove(name, out _);
            return false;
        }
    }

    /// <summary>The item as this instance last wrote it, if that write was of this very holding (same holder and token).</summary>
    private ItemRecord? WrittenLeaseItem(Lease lease) =>
        _leaseItems.TryGetValue(lease.Name, out var item) && ToLease(lease.Name, item) is var written
        && written.Holder == lease.Holder && written.FencingToken == lease.FencingToken ? item : null;

    /// <summary>Kept only with the eTag the write returned; without one the next write reads first.</summary>
    private void RememberLeaseItem(string name, ItemRecord? written)
    {
        if (written is { ETag.Length: > 0 })
        {
            _leaseItems[name] = written;
        }
        else
        {
            _leaseItems.TryRemove(name, out _);
        }
    }

    private static Lease ToLease(string name, ItemRecord item) =>
        new(name, item.Text(ColumnNames.Holder) ?? string.Empty, item.Number(ColumnNames.FencingToken) ?? 0, ItemRecord.Time(item.Fields, ColumnNames.ExpiresAt) ?? FieldValues.Epoch);
}
