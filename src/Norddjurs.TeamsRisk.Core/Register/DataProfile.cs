namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The data group of risk-method.md §6.</summary>
public sealed record DataProfile
{
    public bool? PersonalData { get; init; }

    public IReadOnlyList<DataClass> DataClasses { get; init; } = [];

    public IReadOnlyList<DataSubjectCategory> DataSubjectCategories { get; init; } = [];

    public int? DataSubjectsApprox { get; init; }

    public bool? SupportsDecisionsOrPayments { get; init; }

    public bool? LifeOrHealthCritical { get; init; }

    public bool? Payments { get; init; }

    /// <summary>
    /// The highest data class, the input to the C suggestion (risk-method.md §3.2). Personal data without any
    /// listed class counts as ordinary, so a record that only says "ja" is not read as holding nothing.
    /// </summary>
    public DataClassLevel HighestDataClass()
    {
        var highest = DataClasses.Count == 0 ? DataClassLevel.None : DataClasses.Max(c => c.Level);
        return highest == DataClassLevel.None && PersonalData == true ? DataClassLevel.Ordinary : highest;
    }
}

/// <summary>One data class of a system; <see cref="Art9Category"/> is set exactly when the kind is art. 9.</summary>
public sealed record DataClass
{
    public DataClass(DataClassKind kind, Art9Category? art9Category = null)
    {
        if ((kind == DataClassKind.Art9) != art9Category.HasValue)
        {
            throw new ArgumentException("An art. 9 class needs its category, and only art. 9 has one.", nameof(art9Category));
        }

        Kind = kind;
        Art9Category = art9Category;
    }

    public DataClassKind Kind { get; }

    public Art9Category? Art9Category { get; }

    /// <summary>Where the class sits on the §3.2 ladder none &lt; ordinary &lt; cpr &lt; sensitive &lt; endangering.</summary>
    public DataClassLevel Level => Kind switch
    {
        DataClassKind.Ordinary => DataClassLevel.Ordinary,
        DataClassKind.Cpr => DataClassLevel.Cpr,
        DataClassKind.Endangering => DataClassLevel.Endangering,
        // Art. 9, art. 10, social problems and children's cases are the "sensitive" rung (§3.2 anchors C3/C4).
        _ => DataClassLevel.Sensitive,
    };
}

public enum DataClassKind
{
    /// <summary>Ordinary personal data (art. 6).</summary>
    Ordinary,

    Cpr,

    /// <summary>Special categories (art. 9), with a <see cref="Register.Art9Category"/>.</summary>
    Art9,

    /// <summary>Criminal offences (art. 10).</summary>
    Art10Criminal,

    SocialProblems,

    /// <summary>Data about children's circumstances (children's cases).</summary>
    Children,

    /// <summary>Data whose disclosure can endanger people: protected addresses, shelters.</summary>
    Endangering,
}

/// <summary>The special categories of GDPR art. 9(1).</summary>
public enum Art9Category
{
    EthnicOrigin,
    PoliticalOpinions,
    ReligiousBeliefs,
    TradeUnion,
    Genetic,
    Biometric,
    Health,
    SexLife,
}

/// <summary>The data class ladder of risk-method.md §3.2, in order.</summary>
public enum DataClassLevel
{
    None,
    Ordinary,
    Cpr,
    Sensitive,
    Endangering,
}

public enum DataSubjectCategory
{
    Citizens,
    Children,
    Employees,
    Businesses,
}

public static class DataClassLevelExtensions
{
    /// <summary>The id the method data uses (<c>confidentialitySuggestion.byDataClass[].dataClass</c>).</summary>
    public static string MethodId(this DataClassLevel level) => level switch
    {
        DataClassLevel.Ordinary => "ordinary",
        DataClassLevel.Cpr => "cpr",
        DataClassLevel.Sensitive => "sensitive",
        DataClassLevel.Endangering => "endangering",
        _ => "none",
    };
}
