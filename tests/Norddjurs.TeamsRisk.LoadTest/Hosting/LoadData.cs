using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>One simulated system owner: a person in the seeded directory and the Teams ids the bot sees.</summary>
internal sealed record LoadOwner(int Number, string ObjectId, string Upn, string DisplayName)
{
    public string TeamsUserId => $"29:1loadtest-owner-{Number:D4}";

    public string ConversationId => $"a:1loadtest-personal-{Number:D4}";
}

/// <summary>
/// The data the run needs: a seeded directory (the app's own people, so the coordinator and the groups stay, plus one
/// owner per simulated user) and a continuity-plan register with <c>systemsPerOwner</c> systems for each owner.
/// </summary>
internal sealed class LoadData
{
    /// <summary>The seeded coordinator (Pia Skov in <c>Identity/seeded-directory.json</c>): imports the register and starts the round.</summary>
    public const string CoordinatorObjectId = "5eed0000-0000-4000-8000-000000000024";

    private const string ManagerObjectId = "5eed0000-0000-4000-8000-000000000023";

    // Three system profiles after the app's demo register (Identity/demo-systems.csv): sensitive, social, ordinary data.
    private static readonly string[] Profiles =
    [
        "Omsorgssystem;Elektronisk omsorgsjournal for hjemmeplejen;Hjemmepleje: besøgsplaner og medicinhåndtering;aktiv;Kritisk;{owner};;Sundhed og Ældre;;Eksempel Omsorg A/S;hos leverandøren;ja;ja;cpr | art. 9 (helbred);borgere;2.000;ja;4;1;Papirbaserede medicinlister;nej",
        "Sagsbehandling;Sagsbehandling på det specialiserede socialområde;Afgørelser om hjælp til borgere;aktiv;Høj;{owner};;Sundhed og Ældre;;Eksempel Sag ApS;saas;ja;ja;cpr | sociale problemer;borgere;800;nej;24;4;;ved ikke",
        "Lokalebooking;Booking af mødelokaler og biler;Planlægning af møder og kørsel;aktiv;Lav;{owner};;Sundhed og Ældre;;Eksempel Booking ApS;saas;ja;ja;almindelige;medarbejdere;350;nej;72;24;Booking pr. telefon;nej",
    ];

    private const string Header =
        "systemId;name;shortDescription;criticalProcess;status;criticality;systemOwner;deputyOwner;department;areaManager;supplierName;hostingModel;internetFacing;personalData;dataClasses;dataSubjectCategories;dataSubjectsApprox;lifeOrHealthCritical;mtdHours;rpoHours;manualFallback;thirdCountryTransfer";

    private LoadData(IReadOnlyList<LoadOwner> measured, IReadOnlyList<LoadOwner> warmup, IReadOnlyList<LoadOwner> trace, IReadOnlyDictionary<string, IReadOnlyList<string>> systemsByOwner, string tenantId)
    {
        Measured = measured;
        Warmup = warmup;
        Trace = trace;
        SystemsByOwner = systemsByOwner;
        TenantId = tenantId;
    }

    /// <summary>Every owner: the measured ones, then the warm-up ones, then the trace's.</summary>
    public IEnumerable<LoadOwner> Owners => Measured.Concat(Warmup).Concat(Trace);

    public IReadOnlyList<LoadOwner> Measured { get; }

    /// <summary>Owners that walk assessments before measuring starts (one each; in SharePoint mode enough to seed the register).</summary>
    public IReadOnlyList<LoadOwner> Warmup { get; }

    /// <summary>SharePoint mode: one owner who walks one assessment alone, so each click's Graph requests can be told apart.</summary>
    public IReadOnlyList<LoadOwner> Trace { get; }

    /// <summary>System ids per owner object id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SystemsByOwner { get; }

    /// <summary>The seeded directory's tenant: the tenant of every activity, and the one the bot serves.</summary>
    public string TenantId { get; }

    public static LoadData Create(int measuredOwners, int systemsPerOwner, int warmupOwners, int warmupSystems, int traceOwners, string tenantId)
    {
        var owners = Enumerable.Range(1, measuredOwners + warmupOwners + traceOwners)
            .Select(n => new LoadOwner(n, OwnerObjectId(n), $"owner{n:D4}@loadtest.example", $"Ejer {n:D4} (belastningstest)"))
            .ToList();
        var systems = owners.ToDictionary(
            o => o.ObjectId,
            o => (IReadOnlyList<string>)Enumerable.Range(1, o.Number <= measuredOwners ? systemsPerOwner : o.Number <= measuredOwners + warmupOwners ? warmupSystems : 1)
                .Select(s => $"LT-{o.Number:D4}-{s:D2}").ToList(),
            StringComparer.OrdinalIgnoreCase);
        var warmupEnd = measuredOwners + warmupOwners;
        return new LoadData(owners[..measuredOwners], owners[measuredOwners..warmupEnd], owners[warmupEnd..], systems, tenantId);
    }

    /// <summary>"10ad0000-0000-4000-8000-000000000007": a GUID-shaped Entra object id per owner.</summary>
    public static string OwnerObjectId(int number) => string.Create(CultureInfo.InvariantCulture, $"10ad0000-0000-4000-8000-{number:D12}");

    /// <summary>The app's seeded directory with the owners added (same tenant, groups and people).</summary>
    public static string DirectoryJson(string appDirectoryJson, IEnumerable<LoadOwner> owners)
    {
        var root = JsonNode.Parse(appDirectoryJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        root["_comment"] = "Written by the load tool: the app's seeded directory plus the simulated owners.";
        var users = root["users"]!.AsArray();
        foreach (var owner in owners)
        {
            users.Add(new JsonObject
            {
                ["objectId"] = owner.ObjectId,
                ["upn"] = owner.Upn,
                ["displayName"] = owner.DisplayName,
                ["preferredLanguage"] = "da-DK",
                ["managerObjectId"] = ManagerObjectId,
                ["groupIds"] = new JsonArray(),
            });
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Every system id, owners in order.</summary>
    public IReadOnlyList<string> SystemIds => [.. Owners.SelectMany(o => SystemsByOwner[o.ObjectId])];

    /// <summary>
    /// The register as a continuity-plan CSV (UTF-8, <c>;</c>), one row per system, profiles in turn; only the rows of
    /// <paramref name="systemIds"/> when given (an import in parts).
    /// </summary>
    public byte[] RegisterCsv(IReadOnlySet<string>? systemIds = null)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var i = 0;
        foreach (var owner in Owners)
        {
            foreach (var systemId in SystemsByOwner[owner.ObjectId])
            {
                var profile = Profiles[i++ % Profiles.Length].Replace("{owner}", owner.Upn, StringComparison.Ordinal);
                if (systemIds is not null && !systemIds.Contains(systemId))
                {
                    continue;
                }

                var cut = profile.IndexOf(';', StringComparison.Ordinal);
                csv.Append(systemId).Append(';').Append(profile[..cut]).Append(' ').Append(systemId).Append(profile[cut..]).Append("\r\n");
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
