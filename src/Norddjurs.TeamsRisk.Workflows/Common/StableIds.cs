using System.Security.Cryptography;
using System.Text;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>Ids derived from the request's idempotency key: a replayed request derives the same ids, so it cannot create twins.</summary>
public static class StableIds
{
    public static string From(string prefix, string idempotencyKey) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16];

    /// <summary>A register id as a document id: the register compares system ids case-insensitively.</summary>
    public static string SystemDocumentId(string systemId) => systemId.Trim().ToUpperInvariant();
}
