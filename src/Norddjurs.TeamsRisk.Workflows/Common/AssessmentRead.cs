using System.Collections.Concurrent;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>
/// An assessment as the actor may see it (null: not found or no role, as <see cref="AssessmentAccess"/>), the change
/// applied under the request's key, and whether it came from the instance's cache (<see cref="DocumentsRead.Cached"/>:
/// possibly stale, and the applied row was not looked at).
/// </summary>
public sealed record AssessmentRead(AssessmentInContext? Context, AppliedChange? Applied, bool Cached);

/// <summary>
/// A card action's read in one round trip (design.md §2, latency budget): the assessment, its system and the key's applied
/// row together, or the cached copies of both (<see cref="IDocumentStore.ReadManyAsync"/>).
/// </summary>
public static class AssessmentReads
{
    private const int SystemsKept = 10_000;

    // An assessment's system never changes, so which system to read along can be remembered; a wrong guess costs one read.
    private static readonly ConcurrentDictionary<string, string> SystemOf = new(StringComparer.Ordinal);

    public static async Task<AssessmentRead> ReadAsync(
        UseCaseServices services, Actor actor, string assessmentId, string? idempotencyKey, bool cachedIfPossible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var keys = new List<DocumentKey> { new(DocumentKinds.Assessment, assessmentId) };
        if (SystemOf.TryGetValue(assessmentId, out var knownSystem))
        {
            keys.Add(new DocumentKey(DocumentKinds.System, knownSystem));
        }

        var read = await services.Store.ReadManyAsync(keys, idempotencyKey, cachedIfPossible, cancellationToken).ConfigureAwait(false);
        if (read.Documents[0] is not { } document)
        {
            return new AssessmentRead(null, read.Applied, read.Cached);
        }

        var record = new Loaded<AssessmentRecord>(StoreJson.Deserialize<AssessmentRecord>(document.Json), document);
        var systemId = StableIds.SystemDocumentId(record.Value.SystemId);
        var system = read.Documents.Count > 1 && keys[1].Id == systemId ? read.Documents[1] : null;
        var cached = read.Cached;
        if (system is null)
        {
            var systems = await services.Store.ReadManyAsync([new DocumentKey(DocumentKinds.System, systemId)], null, cachedIfPossible, cancellationToken).ConfigureAwait(false);
            system = systems.Documents[0];
            cached = cached || systems.Cached;
        }

        Remember(assessmentId, systemId);
        if (system is null)
        {
            return new AssessmentRead(null, read.Applied, cached);
        }

        var value = StoreJson.Deserialize<CriticalSystem>(system.Json);
        var roles = await services.Roles.RolesForSystemAsync(actor, value, cancellationToken).ConfigureAwait(false);
        return new AssessmentRead(roles.Count == 0 ? null : new AssessmentInContext(record, value, roles), read.Applied, cached);
    }

    /// <summary>
    /// Which system an assessment belongs to, from any read that saw both (the owner's list), so the first card action on it
    /// reads the system in the same round trip as the assessment.
    /// </summary>
    public static void Remember(string assessmentId, string systemId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assessmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        if (SystemOf.Count > SystemsKept)
        {
            SystemOf.Clear();
        }

        SystemOf[assessmentId] = systemId;
    }
}
