namespace Norddjurs.TeamsRisk.Core.Register;

/// <summary>Turns one template row into a <see cref="CriticalSystem"/>, or null when any cell is wrong (all reported).</summary>
internal static class ContinuityPlanRow
{
    public static CriticalSystem? Read(RowReader row, RegisterMetadata metadata)
    {
        var systemId = row.Required("systemId");
        if (systemId is not null && !IsSystemId(systemId))
        {
            row.Report("systemId", ImportErrorCodes.SystemIdInvalid, systemId);
        }

        var name = row.Required("name");
        var status = row.Required("status") is null ? null : row.Enum("status", Vocabulary.Status);
        var owner = row.Required("systemOwner") is null ? null : row.Person("systemOwner");
        var department = row.Required("department");

        // Every cell is read before deciding, so one pass reports all of the row's problems.
        var deputy = row.Person("deputyOwner");
        var technical = row.Person("technicalOwner");
        var areaManager = row.Person("areaManager");
        var kle = row.List<string>("kleNumbers", TryKle, ImportErrorCodes.KleInvalid);
        var supplier = Supplier(row);
        var hosting = Hosting(row);
        var data = Data(row);
        var continuity = Continuity(row);
        var thirdCountry = ThirdCountry(row);
        var plan = Plan(row);
        if (row.HasProblems || systemId is null || name is null || status is null || owner is null || department is null)
        {
            return null;
        }

        return new CriticalSystem
        {
            SystemId = systemId,
            Name = name,
            ShortDescription = row.Text("shortDescription"),
            CriticalProcess = row.Text("criticalProcess"),
            KleNumbers = kle,
            Status = status.Value,
            Criticality = row.Text("criticality"),
            People = new SystemPeople
            {
                SystemOwner = owner,
                DeputyOwner = deputy,
                TechnicalOwner = technical,
                Department = department,
                AreaManager = areaManager,
            },
            Supplier = supplier,
            Hosting = hosting,
            Data = data,
            Continuity = continuity,
            ThirdCountry = thirdCountry,
            Plan = plan,
            Confirmation = ConfirmationStatus.ToBeConfirmedByOwner,
            Metadata = metadata,
        };
    }

    /// <summary>Letters, digits, '-', '_' and '.', at most 64: safe as a key in SharePoint and in links.</summary>
    public static bool IsSystemId(string text) =>
        text.Length <= 64 && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    private static SupplierDetails Supplier(RowReader row)
    {
        var dpaRef = row.Text("dpaRef");
        var dpaDate = row.Date("dpaDate");
        var supervisionDate = row.Date("lastSupervisionDate");
        var supervisionType = row.Text("lastSupervisionType");
        return new SupplierDetails
        {
            Name = row.Text("supplierName"),
            Cvr = row.Reference<string>("supplierCvr", TryCvr, ImportErrorCodes.CvrInvalid),
            IsProcessor = row.Boolean("isProcessor"),
            Dpa = dpaRef is null && dpaDate is null ? null : new DataProcessingAgreement(dpaRef, dpaDate),
            SubProcessors = row.List<SubProcessor>("subProcessors", TrySubProcessor, ImportErrorCodes.SubProcessorInvalid),
            LastSupervision = supervisionDate is null && supervisionType is null ? null : new Supervision(supervisionDate, supervisionType),
        };
    }

    private static HostingDetails Hosting(RowReader row) => new()
    {
        HostingModel = row.Enum("hostingModel", Vocabulary.Hosting),
        Locations = row.List<HostingLocation>("locations", TryLocation, ImportErrorCodes.LocationInvalid),
        InternetFacing = row.Boolean("internetFacing"),
        SharedInfrastructure = row.List("sharedInfrastructure"),
    };

    private static DataProfile Data(RowReader row) => new()
    {
        PersonalData = row.Boolean("personalData"),
        DataClasses = row.List<DataClass>("dataClasses", TryDataClass, ImportErrorCodes.DataClassInvalid,
            ("allowed", Vocabulary.DataClass.Allowed()), ("art9", Vocabulary.Art9.Allowed())),
        DataSubjectCategories = row.EnumList("dataSubjectCategories", Vocabulary.Subjects),
        DataSubjectsApprox = row.Value<int>("dataSubjectsApprox", CellValues.TryCount, ImportErrorCodes.CountInvalid),
        SupportsDecisionsOrPayments = row.Boolean("supportsDecisionsOrPayments"),
        LifeOrHealthCritical = row.Boolean("lifeOrHealthCritical"),
        Payments = row.Boolean("payments"),
    };

    private static ContinuityDetails Continuity(RowReader row)
    {
        var fallback = row.Text("manualFallback");
        var fallbackHours = row.Hours("manualFallbackMaxHours");
        return new ContinuityDetails
        {
            MtdHours = row.Hours("mtdHours"),
            RtoHours = row.Hours("rtoHours"),
            RpoHours = row.Hours("rpoHours"),
            PeakPeriods = row.List("peakPeriods"),
            ManualFallback = fallback is null && fallbackHours is null ? null : new ManualFallback(fallback, fallbackHours),
            Dependencies = row.List("dependencies"),
            Dependents = row.List("dependents"),
        };
    }

    private static ThirdCountryDetails ThirdCountry(RowReader row)
    {
        var dpfCertified = row.Boolean("dpfCertified");
        var dpfEntity = row.Text("dpfEntity");
        var dpfTypes = row.Text("dpfDataTypes");
        var dpfChecked = row.Date("dpfCheckedAt");
        var tiaRef = row.Text("tiaRef");
        var tiaDate = row.Date("tiaDate");
        return new ThirdCountryDetails
        {
            Transfer = row.Enum("thirdCountryTransfer", Vocabulary.Transfer) ?? ThirdCountryTransfer.Unknown,
            TransferCountries = row.List<string>("transferCountries", CellValues.TryCountry, ImportErrorCodes.CountryInvalid),
            Importers = row.List<TransferImporter>("importers", TryImporter, ImportErrorCodes.ImporterInvalid),
            RemoteAccessFromThirdCountry = row.Boolean("remoteAccessFromThirdCountry"),
            TransferTool = row.Enum("transferTool", Vocabulary.Tool),
            DpfCertified = dpfCertified is null && dpfEntity is null && dpfTypes is null && dpfChecked is null
                ? null
                : new DpfCheck(dpfCertified, dpfEntity, dpfTypes, dpfChecked),
            SccModule = row.Value<int>("sccModule", CellValues.TrySccModule, ImportErrorCodes.SccModuleInvalid),
            Tia = tiaRef is null && tiaDate is null ? null : new TransferImpactAssessment(tiaRef, tiaDate),
            SupplementaryMeasures = row.List("supplementaryMeasures"),
            UsParentCompany = row.Boolean("usParentCompany"),
        };
    }

    private static PlanAndReview Plan(RowReader row) => new()
    {
        ContinuityPlanRef = row.Reference<Uri>("continuityPlanRef", CellValues.TryLink, ImportErrorCodes.LinkInvalid),
        ContinuityPlanVersion = row.Text("continuityPlanVersion"),
        ContinuityPlanDate = row.Date("continuityPlanDate"),
        ContinuityPlanApprovedBy = row.Text("continuityPlanApprovedBy"),
        LastPlanTest = row.Date("lastPlanTest"),
        NextPlanReview = row.Date("nextPlanReview"),
        Nis2Relevant = row.Boolean("nis2Relevant") ?? true,
    };

    private static bool TryKle(string text, out string value)
    {
        value = text;
        return CellValues.TryKle(text);
    }

    private static bool TryCvr(string text, out string? value)
    {
        var ok = CellValues.TryCvr(text, out var cvr);
        value = ok ? cvr : null;
        return ok;
    }

    /// <summary><c>Name (CC, role)</c> or <c>Name (CC)</c>; parentheses, not slashes, because names like "Netcompany A/S" hold one.</summary>
    private static bool TrySubProcessor(string text, out SubProcessor value)
    {
        value = null!;
        if (!CellValues.TrySplitItem(text, out var name, out var country, out var role) || country is null ||
            !CellValues.TryCountry(country, out var code))
        {
            return false;
        }

        value = new SubProcessor(name, code, role);
        return true;
    }

    /// <summary><c>CC</c>, <c>CC (region)</c> or <c>CC (region, data centre)</c>.</summary>
    private static bool TryLocation(string text, out HostingLocation value)
    {
        value = null!;
        if (!CellValues.TrySplitItem(text, out var country, out var region, out var dataCentre) ||
            !CellValues.TryCountry(country, out var code))
        {
            return false;
        }

        value = new HostingLocation(code, region, dataCentre);
        return true;
    }

    /// <summary><c>Entity (role)</c>: the role is what makes the transfer assessable (§7 question 2).</summary>
    private static bool TryImporter(string text, out TransferImporter value)
    {
        value = null!;
        if (!CellValues.TrySplitItem(text, out var entity, out var role, out var more) || role is null)
        {
            return false;
        }

        value = new TransferImporter(entity, more is null ? role : $"{role}, {more}");
        return true;
    }

    /// <summary>A class word, or art. 9 with its category in parentheses: <c>art. 9 (helbred)</c>.</summary>
    private static bool TryDataClass(string text, out DataClass value)
    {
        value = null!;
        if (!CellValues.TrySplitItem(text, out var head, out var first, out var rest) || rest is not null ||
            !Vocabulary.DataClass.TryParse(head, out var kind))
        {
            return false;
        }

        if (kind != DataClassKind.Art9)
        {
            value = new DataClass(kind);
            return first is null;
        }

        if (first is null || !Vocabulary.Art9.TryParse(first, out var category))
        {
            return false;
        }

        value = new DataClass(kind, category);
        return true;
    }
}
