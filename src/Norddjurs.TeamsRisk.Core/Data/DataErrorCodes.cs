namespace Norddjurs.TeamsRisk.Core.Data;

/// <summary>Codes for problems in method and catalogue documents (risk-method.md §3.5 rule 9 and the JSON shape).</summary>
public static class DataErrorCodes
{
    public const string BadJson = "data.bad_json";
    public const string UnknownKey = "data.unknown_key";
    public const string DuplicateKey = "data.duplicate_key";
    public const string MissingKey = "data.missing_key";
    public const string WrongType = "data.wrong_type";
    public const string NotAllowed = "data.value_not_allowed";
    public const string OutOfRange = "data.out_of_range";
    public const string DuplicateId = "data.duplicate_id";
    public const string UnknownReference = "data.unknown_reference";
    public const string InvalidColor = "data.invalid_color";
    public const string InvalidVersion = "data.invalid_version";
    public const string InvalidDate = "data.invalid_date";
    public const string LevelsIncomplete = "data.levels_incomplete";
    public const string BandsNotContiguous = "data.bands_not_contiguous";
    public const string BandsDoNotCover = "data.bands_do_not_cover";
    public const string BandWithoutRule = "data.band_without_rule";
    public const string ThresholdsNotAscending = "data.thresholds_not_ascending";
    public const string ThresholdsOpenEnd = "data.thresholds_open_end";
    public const string ApprovalIncomplete = "data.approval_incomplete";
    public const string Empty = "data.empty";
}
