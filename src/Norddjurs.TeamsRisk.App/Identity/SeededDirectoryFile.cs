using System.Text.Json;
using System.Text.Json.Serialization;

namespace Norddjurs.TeamsRisk.App.Identity;

/// <summary>The shape of <c>Identity/seeded-directory.json</c>: a tenant, its role groups and its people.</summary>
internal sealed record SeededDirectoryFile(string TenantId, IReadOnlyList<SeededGroup> Groups, IReadOnlyList<SeededUser> Users)
{
    public const string RelativePath = "Identity/seeded-directory.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and checks the file; a broken file stops start-up with every problem listed.</summary>
    public static SeededDirectoryFile Read(string path)
    {
        var file = JsonSerializer.Deserialize<SeededDirectoryFile>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidOperationException($"The seeded directory {path} is empty.");
        var problems = file.Problems().ToList();
        return problems.Count == 0
            ? file
            : throw new InvalidOperationException($"The seeded directory {path} is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            yield return "$.tenantId is missing";
        }

        if (Users is null || Users.Count == 0)
        {
            yield return "$.users is missing or empty";
            yield break;
        }

        var ids = new HashSet<string>(Workflows.Identity.EntraIds.Comparer);
        var upns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Users.Count; i++)
        {
            var user = Users[i];
            if (string.IsNullOrWhiteSpace(user.ObjectId) || string.IsNullOrWhiteSpace(user.Upn) || string.IsNullOrWhiteSpace(user.DisplayName))
            {
                yield return $"$.users[{i}] needs objectId, upn and displayName";
                continue;
            }

            if (!ids.Add(user.ObjectId) || !upns.Add(user.Upn))
            {
                yield return $"$.users[{i}] repeats an objectId or upn ({user.ObjectId}, {user.Upn})";
            }
        }

        foreach (var (user, i) in Users.Select((u, i) => (u, i)))
        {
            if (user.ManagerObjectId is { } manager && !ids.Contains(manager))
            {
                yield return $"$.users[{i}].managerObjectId {manager} names nobody in the file";
            }
        }
    }
}

internal sealed record SeededGroup(string Id, string Name, string? Role);

internal sealed record SeededUser(
    string ObjectId,
    string Upn,
    string DisplayName,
    string? PreferredLanguage,
    string? ManagerObjectId,
    IReadOnlyList<string>? GroupIds);
