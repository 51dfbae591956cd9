using Norddjurs.TeamsRisk.Workflows.Ports;
using static Norddjurs.TeamsRisk.Graph.Lists.ColumnNames;

namespace Norddjurs.TeamsRisk.Graph.Lists;

/// <summary>
/// The lists the SharePoint store needs, as data: provisioning reconciles a site to it (graph-sharepoint.md §2.6) and
/// the store refuses to start against a site provisioned with an older <see cref="Version"/>.
/// </summary>
/// <remarks>
/// Every list is designed for the 5,000-item list view threshold (§4.4): the store filters and sorts only on indexed
/// columns (ids, index names, status, the pending flag), each query narrowed server-side by one indexed condition and
/// the rest in memory, because SharePoint refuses non-indexed filters (400) and scans past the threshold. People are an
/// Entra object id in an indexed text column beside their UPN and name as text: person columns need per-site
/// User Information List ids that Graph cannot ensure (§3.6).
/// </remarks>
public static class ListSchema
{
    /// <summary>Raised whenever a list or column is added or changed; recorded in the configuration list (2: ChangeManifests).</summary>
    public const int Version = 2;

    /// <summary>The small key/value list where provisioning records the schema version and every list's id (§2.6 step 6).</summary>
    public const string ConfigListKey = "TeamsRiskConfig";

    /// <summary>Configuration item keys: the provisioned schema version and, per list, <c>list:{Key}</c> → list id.</summary>
    public const string SchemaVersionConfigKey = "schemaVersion";

    public const string AppliedChangesKey = "AppliedChanges";
    public const string AuditIntentsKey = "AuditIntents";
    public const string AuditEntriesKey = "AuditEntries";
    public const string AuditHeadKey = "AuditHead";
    public const string OutboxKey = "Outbox";
    public const string LeasesKey = "Leases";
    public const string ChangeManifestsKey = "ChangeManifests";

    public static string ListConfigKey(string listKey) => "list:" + listKey;

    /// <summary>The list key of each document kind: one list per kind, so ids and indexes never mix (DocumentKinds).</summary>
    public static IReadOnlyDictionary<string, string> DocumentListKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DocumentKinds.System] = "Systems",
        [DocumentKinds.SystemVersion] = "SystemVersions",
        [DocumentKinds.MethodVersion] = "MethodVersions",
        [DocumentKinds.CatalogueVersion] = "CatalogueVersions",
        [DocumentKinds.Round] = "Rounds",
        [DocumentKinds.Assessment] = "Assessments",
        [DocumentKinds.Snapshot] = "Snapshots",
        [DocumentKinds.Measure] = "Measures",
        [DocumentKinds.Escalation] = "Escalations",
        [DocumentKinds.ConversationReference] = "ConversationReferences",
        [DocumentKinds.SyncCursor] = "SyncCursors",
        [DocumentKinds.UserPreference] = "UserPreferences",
        [DocumentKinds.InvitationReach] = "InvitationReach",
    };

    private static readonly Dictionary<string, (string DisplayName, string Description)> DocumentLabels = new(StringComparer.Ordinal)
    {
        [DocumentKinds.System] = ("Systemer", "Registerets systemer."),
        [DocumentKinds.SystemVersion] = ("Systemversioner", "Uforanderlige versioner af systemernes stamdata."),
        [DocumentKinds.MethodVersion] = ("Metodeversioner", "Versioner af risikometoden."),
        [DocumentKinds.CatalogueVersion] = ("Katalogversioner", "Versioner af hændelseskataloget."),
        [DocumentKinds.Round] = ("Runder", "Vurderingsrunder."),
        [DocumentKinds.Assessment] = ("Risikovurderinger", "Risikovurderinger; udvalget skriver beslutning og kommentar her."),
        [DocumentKinds.Snapshot] = ("Indsendte vurderinger", "Uforanderlige øjebliksbilleder af indsendte vurderinger."),
        [DocumentKinds.Measure] = ("Tiltag", "Aftalte tiltag og deres status."),
        [DocumentKinds.Escalation] = ("Eskaleringer", "Risici over appetitten og ledelsens beslutninger."),
        [DocumentKinds.ConversationReference] = ("Samtalereferencer", "Hvor botten kan skrive til personer og kanaler."),
        [DocumentKinds.SyncCursor] = ("Synkroniseringsmarkører", "Hvor langt synkroniseringen er nået."),
        [DocumentKinds.UserPreference] = ("Brugerindstillinger", "Den enkeltes valg, fx sprog."),
        [DocumentKinds.InvitationReach] = ("Invitationers levering", "Hvordan hver ejer blev nået: Teams, mail eller ikke, og hvorfor."),
    };

    public static IReadOnlyList<ListDefinition> Lists { get; } =
    [
        .. DocumentKinds.IndexNames.Keys.Select(DocumentList),
        new(AppliedChangesKey, "Anvendte ændringer", "Hver ændrings idempotensnøgle og svar, så en gentagelse anvendes én gang.",
        [
            OperationIdColumn("Nøglens SHA-256"),
            new(IdempotencyKey, "Idempotensnøgle", ColumnKind.Note),
            new(ResultJson, "Svar (JSON)", ColumnKind.Note),
            new(AppliedAt, "Anvendt", ColumnKind.DateTime, Indexed: true, Description: "Oprydning filtrerer på dette indekserede felt."),
        ]),
        new(AuditIntentsKey, "Revisionshensigter", "Handlinger der venter på at blive forseglet i revisionssporet.",
        [
            OperationIdColumn("Hændelsens id"),
            new(EntryId, "Hændelses-id", ColumnKind.Text, MaxLength: 255),
            new(IntentJson, "Hensigt (JSON)", ColumnKind.Note),
            .. PendingColumns(withManifest: false),
        ]),
        new(AuditEntriesKey, "Revisionsspor", "Det forseglede, hash-kædede revisionsspor.",
        [
            OperationIdColumn("Løbenummer"),
            new(Seq, "Løbenummer", ColumnKind.Number, Indexed: true),
            new(EntryId, "Hændelses-id", ColumnKind.Text, Indexed: true, MaxLength: 255),
            new(Hash, "Hash", ColumnKind.Text, MaxLength: 64),
            new(EntryJson, "Post (JSON)", ColumnKind.Note),
        ]),
        new(AuditHeadKey, "Revisionskædens hoved", "Sidste forseglede løbenummer og hash, holdt adskilt så afkortning ses.",
        [
            OperationIdColumn("Nøgle"),
            new(Seq, "Løbenummer", ColumnKind.Number),
            new(Hash, "Hash", ColumnKind.Text, MaxLength: 64),
            new(PendingWrites, "Ventende skrivninger", ColumnKind.Note),
        ]),
        new(OutboxKey, "Udbakke", "Beskeder der sendes efter den ændring, der skrev dem.",
        [
            OperationIdColumn("Beskedens id"),
            new(MessageKind, "Type", ColumnKind.Text, MaxLength: 64),
            new(OrderingKey, "Samtale", ColumnKind.Text, Indexed: true, MaxLength: 255),
            new(Payload, "Indhold (JSON)", ColumnKind.Note),
            new(CreatedAt, "Oprettet", ColumnKind.DateTime, Indexed: true, Description: "Indekseret, så loggen kan læse de nyeste først."),
            new(Status, "Status", ColumnKind.Text, Indexed: true, MaxLength: 16, Description: "pending, sent eller dead; afsenderen filtrerer på det."),
            new(Attempts, "Forsøg", ColumnKind.Number),
            new(NextAttemptAt, "Næste forsøg", ColumnKind.DateTime),
            new(LastError, "Sidste fejl", ColumnKind.Note),
            new(ClaimedBy, "Taget af", ColumnKind.Text, MaxLength: 255),
            new(ClaimedUntil, "Taget indtil", ColumnKind.DateTime),
            new(RowVersion, "Rækkeversion", ColumnKind.Number),
            new(DeadAt, "Opgivet", ColumnKind.DateTime),
            new(SentAt, "Sendt", ColumnKind.DateTime),
            .. PendingColumns(withManifest: true),
        ]),
        new(LeasesKey, "Joblåse", "Hvilken instans der kører et job lige nu.",
        [
            OperationIdColumn("Låsens navn"),
            new(Holder, "Indehaver", ColumnKind.Text, MaxLength: 255),
            new(FencingToken, "Fencing token", ColumnKind.Number),
            new(ExpiresAt, "Udløber", ColumnKind.DateTime),
        ]),
        new(ChangeManifestsKey, "Ændringsmanifester", "Dele af en stor ændrings ventende skrivninger, skrevet før ændringen og slettet når den er afsluttet.",
        [
            OperationIdColumn("Ændringens nøgle, hash og delnummer"),
            new(ChangeKey, "Ændringens nøgle", ColumnKind.Text, Indexed: true, MaxLength: 64),
            new(PartNumber, "Delnummer", ColumnKind.Number),
            new(PartText, "Del (JSON-tekst)", ColumnKind.Note),
        ]),
        new(ConfigListKey, ConfigListKey, "Skemaversion og listernes id, skrevet af provisioneringen.",
        [
            new(ConfigKey, "Nøgle", ColumnKind.Text, Indexed: true, Unique: true, Required: true, MaxLength: 255),
            new(ConfigValue, "Værdi", ColumnKind.Note),
        ]),
    ];

    /// <summary>The definition with this key; throws for an unknown key (a programming error).</summary>
    public static ListDefinition Get(string key) =>
        Lists.FirstOrDefault(l => l.Key == key) ?? throw new ArgumentException($"No list '{key}' in the schema.", nameof(key));

    private static ListDefinition DocumentList(string kind)
    {
        var (displayName, description) = DocumentLabels[kind];
        List<ColumnDefinition> columns =
        [
            new(DocId, "Dokument-id", ColumnKind.Text, Indexed: true, Unique: true, Required: true, MaxLength: 255),
            new(DocVersion, "Version", ColumnKind.Number),
            new(Body, "Dokument (JSON)", ColumnKind.Note),
            OperationIdColumn("Oprettelsens id"),
            .. DocumentKinds.IndexNames[kind].Select(name =>
                new ColumnDefinition(ForIndex(name), IndexLabel(name), ColumnKind.Text, Indexed: true, MaxLength: 255)),
            .. PendingColumns(withManifest: true),

            // A fingerprint of what the app last wrote into the item's own columns (AppColumns), set on each of its writes and
            // never by people: the delta sync tells the committee's edits from the app's by it.
            new(AppWriteVersion, "Appens skriveversion", ColumnKind.Number),
        ];
        if (kind == DocumentKinds.Assessment)
        {
            columns.AddRange(AssessmentReadableColumns);
        }

        return new ListDefinition(ListSchema.DocumentListKeys[kind], displayName, description, columns);
    }

    /// <summary>
    /// Copies of the assessment the committee reads and filters on in SharePoint, projected from the JSON on each write,
    /// and the decision and comment, which the app also writes from the record and the committee may set in the list (the
    /// delta sync reads them back, Delta/CommitteeEditSync).
    /// </summary>
    private static ColumnDefinition[] AssessmentReadableColumns =>
    [
        new("SystemName", "System", ColumnKind.Text, Indexed: true, MaxLength: 255, SourcePath: "SystemName"),
        new("OwnerName", "Systemejer", ColumnKind.Text, MaxLength: 255, SourcePath: "OwnerName"),
        new("OwnerUpn", "Systemejers UPN", ColumnKind.Text, Indexed: true, MaxLength: 255, SourcePath: "OwnerUpn"),
        new("HeadlineBand", "Samlet risikoniveau", ColumnKind.Text, Indexed: true, MaxLength: 64, SourcePath: "HeadlineBand"),
        new("Deadline", "Frist", ColumnKind.Text, MaxLength: 10, SourcePath: "Deadline"),
        new(CommitteeDecision, "Udvalgets beslutning", ColumnKind.Choice, Indexed: true, Choices: [CommitteeDecisions.Approved, CommitteeDecisions.Returned, CommitteeDecisions.Escalated],
            SourcePath: "CommitteeOutcome", ValueLabels: CommitteeDecisions.Labels),
        new(CommitteeComment, "Udvalgets kommentar", ColumnKind.Note, SourcePath: "CommitteeNote"),
    ];

    private static ColumnDefinition OperationIdColumn(string displayName) =>
        new(OperationId, displayName, ColumnKind.Text, Indexed: true, Unique: true, MaxLength: 255,
            Description: "Klientens id for oprettelsen: en gentaget oprettelse rammer unikheden og læser det eksisterende element.");

    /// <summary>The columns of design.md §2.3 without transactions: an item written before its change is confirmed.</summary>
    private static IEnumerable<ColumnDefinition> PendingColumns(bool withManifest)
    {
        yield return new(Pending, "Ubekræftet", ColumnKind.Boolean, Indexed: true, Description: "Sand indtil ændringen er bekræftet; læsere ser bort fra den.");
        yield return new(ChangeKey, "Ændringens nøgle", ColumnKind.Text, Indexed: true, MaxLength: 64);
        if (withManifest)
        {
            yield return new(PendingWrites, "Ventende skrivninger", ColumnKind.Note);
            yield return new(Previous, "Forrige tilstand", ColumnKind.Note);
        }
    }

    private static string IndexLabel(string name) => name switch
    {
        "ownerObjectId" => "Ejers objekt-id",
        "state" => "Tilstand",
        "systemId" => "System-id",
        "methodId" => "Metode-id",
        "catalogueId" => "Katalog-id",
        "roundId" => "Runde-id",
        "assessmentId" => "Vurderings-id",
        "responsibleObjectId" => "Ansvarligs objekt-id",
        "status" => "Status",
        "authorityRole" => "Beslutningsniveau",
        "userObjectId" => "Brugers objekt-id",
        "conversationType" => "Samtaletype",
        "channelId" => "Kanal-id",
        _ => name,
    };
}
