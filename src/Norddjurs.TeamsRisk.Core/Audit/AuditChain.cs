using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Json;

namespace Norddjurs.TeamsRisk.Core.Audit;

/// <summary>Seals intents into the tenant's hash chain (design.md §6); the caller is the single sealer.</summary>
public static class AuditChain
{
    /// <summary>The <c>prevHash</c> of the first entry (design.md §6).</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// The next entry after <paramref name="head"/> (null: the chain is empty). Timestamps are cut to the
    /// millisecond the entry records, so the sealed value and its JSON agree.
    /// </summary>
    public static Result<AuditEntry> Seal(ChainHead? head, AuditIntent intent, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (head is not null && (head.Seq < 1 || !AuditJson.IsHash(head.Hash)))
        {
            // The head comes from our own store; a bad one is a fault, not user input.
            throw new ArgumentException($"Invalid chain head {head}.", nameof(head));
        }

        if (Problem(intent) is { } field)
        {
            return DomainError.Of(AuditErrorCodes.IntentInvalid, ("field", field));
        }

        var sealedIntent = intent with { OccurredAt = AuditJson.ToMilliseconds(intent.OccurredAt) };
        var seq = head is null ? 1 : head.Seq + 1;
        var prevHash = head?.Hash ?? GenesisHash;
        var at = AuditJson.ToMilliseconds(recordedAt);
        if (!CanonicalJson.TrySha256Hex(AuditJson.WithoutHash(sealedIntent, seq, prevHash, at), out var hash))
        {
            // A text field with a lone surrogate: no canonical form, so nothing to hash.
            return DomainError.Of(AuditErrorCodes.IntentInvalid, ("field", "json"));
        }

        return new AuditEntry(sealedIntent, seq, prevHash, at, hash);
    }

    private static string? Problem(AuditIntent intent) => intent switch
    {
        { EntryId: var id } when string.IsNullOrWhiteSpace(id) => "entryId",
        { CorrelationId: var c } when string.IsNullOrWhiteSpace(c) => "correlationId",
        { Action: var a } when !Enum.IsDefined(a) => "action",
        { Channel: var c } when !AuditJson.IsKnown(c) => "channel",
        { Actor: null } => "actor",
        { Actor.ObjectId: var o } when string.IsNullOrWhiteSpace(o) => "actor.objectId",
        { Actor.Upn: null } => "actor.upn",
        { Actor.DisplayName: null } => "actor.displayName",
        { Actor.Roles: var r } when r is null || r.Count == 0 || r.Any(string.IsNullOrWhiteSpace) => "actor.roles",
        { Subject: null } => "subject",
        { Subject.Type: var t } when string.IsNullOrWhiteSpace(t) => "subject.type",
        { Subject.Id: var s } when string.IsNullOrWhiteSpace(s) => "subject.id",
        _ => FreeFormProblem(intent),
    };

    // The engine fills these; one without a canonical form (NaN, a lone surrogate) could not be hashed.
    private static string? FreeFormProblem(AuditIntent intent) =>
        new (string Field, JsonNode? Value)[]
        {
            ("inputs", intent.Inputs), ("computed", intent.Computed), ("decision", intent.Decision),
            ("measures", intent.Measures), ("before", intent.Before), ("after", intent.After),
        }
        .FirstOrDefault(p => !CanonicalJson.TrySerialize(p.Value, out _)).Field;
}
