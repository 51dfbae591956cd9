using System.Text;

namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>
/// The accepted words for each enum: the documented value (risk-method.md §6) first, then Danish labels.
/// Matching ignores case, spaces, dots, hyphens and slashes, so "art. 9", "Art9" and "on-premises" all match.
/// </summary>
internal sealed class Vocabulary<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    private readonly List<(T Value, string[] Words)> _entries = [];

    public Vocabulary<T> Add(T value, params string[] words)
    {
        _entries.Add((value, words));
        foreach (var word in words)
        {
            _byKey.Add(Vocabulary.Key(word), value);
        }

        return this;
    }

    public bool TryParse(string text, out T value) => _byKey.TryGetValue(Vocabulary.Key(text), out value);

    /// <summary>The documented value of an enum member (the first word).</summary>
    public string Id(T value) => _entries.First(e => e.Value.Equals(value)).Words[0];

    /// <summary>For error messages: "planned/planlagt, active/aktiv, …" (documented value / first Danish label).</summary>
    public string Allowed() =>
        string.Join(", ", _entries.Select(e => e.Words.Length > 1 ? $"{e.Words[0]}/{e.Words[1]}" : e.Words[0]));
}

internal static class Vocabulary
{
    public static readonly Vocabulary<SystemStatus> Status = new Vocabulary<SystemStatus>()
        .Add(SystemStatus.Planned, "planned", "planlagt", "under indkøb")
        .Add(SystemStatus.Active, "active", "aktiv", "i drift")
        .Add(SystemStatus.Retired, "retired", "udfaset", "nedlagt");

    public static readonly Vocabulary<HostingModel> Hosting = new Vocabulary<HostingModel>()
        .Add(HostingModel.OnPremises, "onPremises", "eget serverrum", "lokalt")
        .Add(HostingModel.MunicipalDataCentre, "municipalDataCentre", "kommunalt datacenter", "kommunens datacenter")
        .Add(HostingModel.SupplierHosted, "supplierHosted", "hos leverandøren", "leverandørhostet", "hos leverandør")
        .Add(HostingModel.SaasCloud, "saasCloud", "saas", "cloud", "sky");

    public static readonly Vocabulary<ThirdCountryTransfer> Transfer = new Vocabulary<ThirdCountryTransfer>()
        .Add(ThirdCountryTransfer.No, "no", "nej")
        .Add(ThirdCountryTransfer.Yes, "yes", "ja")
        .Add(ThirdCountryTransfer.Unknown, "unknown", "ved ikke");

    public static readonly Vocabulary<TransferTool> Tool = new Vocabulary<TransferTool>()
        .Add(TransferTool.Adequacy, "adequacy", "tilstrækkelighedsafgørelse")
        .Add(TransferTool.Dpf, "dpf", "data privacy framework")
        .Add(TransferTool.Scc2021, "scc2021", "standardkontraktbestemmelser", "scc")
        .Add(TransferTool.Bcr, "bcr", "bindende virksomhedsregler")
        .Add(TransferTool.Art49, "art49", "undtagelse efter art. 49")
        .Add(TransferTool.None, "none", "ingen")
        .Add(TransferTool.Unknown, "unknown", "ved ikke");

    public static readonly Vocabulary<DataClassKind> DataClass = new Vocabulary<DataClassKind>()
        .Add(DataClassKind.Ordinary, "ordinary", "almindelige", "art. 6")
        .Add(DataClassKind.Cpr, "cpr", "cpr-nummer", "cpr-numre")
        .Add(DataClassKind.Art9, "art9", "følsomme")
        .Add(DataClassKind.Art10Criminal, "art10", "strafbare forhold")
        .Add(DataClassKind.SocialProblems, "social", "sociale problemer", "sociale forhold")
        .Add(DataClassKind.Children, "children", "børnesager", "børn")
        .Add(DataClassKind.Endangering, "endangering", "beskyttede adresser", "til fare");

    public static readonly Vocabulary<Art9Category> Art9 = new Vocabulary<Art9Category>()
        .Add(Art9Category.EthnicOrigin, "ethnicOrigin", "etnisk oprindelse", "race")
        .Add(Art9Category.PoliticalOpinions, "politicalOpinions", "politisk overbevisning")
        .Add(Art9Category.ReligiousBeliefs, "religiousBeliefs", "religiøs overbevisning", "filosofisk overbevisning", "religion")
        .Add(Art9Category.TradeUnion, "tradeUnion", "fagforening")
        .Add(Art9Category.Genetic, "genetic", "genetiske data")
        .Add(Art9Category.Biometric, "biometric", "biometriske data")
        .Add(Art9Category.Health, "health", "helbred", "helbredsoplysninger")
        .Add(Art9Category.SexLife, "sexLife", "seksuelle forhold", "seksuel orientering");

    public static readonly Vocabulary<DataSubjectCategory> Subjects = new Vocabulary<DataSubjectCategory>()
        .Add(DataSubjectCategory.Citizens, "citizens", "borgere")
        .Add(DataSubjectCategory.Children, "children", "børn")
        .Add(DataSubjectCategory.Employees, "employees", "medarbejdere", "ansatte")
        .Add(DataSubjectCategory.Businesses, "businesses", "virksomheder");

    /// <summary>Lower case, letters and digits only.</summary>
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
