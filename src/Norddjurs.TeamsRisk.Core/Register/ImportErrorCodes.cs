namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>The error codes of the continuity-plan import; texts in <c>Register/Texts.resx</c> and <c>Texts.en.resx</c>.</summary>
public static class ImportErrorCodes
{
    public const string EmptyFile = "import.empty_file";
    public const string NoRows = "import.no_rows";
    public const string EncodingUnsupported = "import.encoding_unsupported";
    public const string EncodingInvalid = "import.encoding_invalid";
    public const string QuoteUnclosed = "import.quote_unclosed";
    public const string QuoteInvalid = "import.quote_invalid";
    public const string ColumnUnknown = "import.column_unknown";
    public const string ColumnDerived = "import.column_derived";
    public const string ColumnDuplicate = "import.column_duplicate";
    public const string ColumnMissing = "import.column_missing";
    public const string ColumnBlank = "import.column_blank";
    public const string CellCount = "import.cell_count";
    public const string ValueRequired = "import.value_required";
    public const string SystemIdInvalid = "import.system_id_invalid";
    public const string SystemIdDuplicate = "import.system_id_duplicate";
    public const string DateInvalid = "import.date_invalid";
    public const string NumberInvalid = "import.number_invalid";
    public const string CountInvalid = "import.count_invalid";
    public const string BooleanInvalid = "import.boolean_invalid";
    public const string EnumInvalid = "import.enum_invalid";
    public const string PersonInvalid = "import.person_invalid";
    public const string CvrInvalid = "import.cvr_invalid";
    public const string CountryInvalid = "import.country_invalid";
    public const string KleInvalid = "import.kle_invalid";
    public const string LinkInvalid = "import.link_invalid";
    public const string SccModuleInvalid = "import.scc_module_invalid";
    public const string DataClassInvalid = "import.data_class_invalid";
    public const string SubProcessorInvalid = "import.sub_processor_invalid";
    public const string LocationInvalid = "import.location_invalid";
    public const string ImporterInvalid = "import.importer_invalid";
}
