using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Tab.Common;
using Norddjurs.TeamsRisk.Workflows.Queries.Exports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;

namespace Norddjurs.TeamsRisk.Tab.Exports;

/// <summary>
/// The auditor's register workbook (issue 9 item 4), one table per sheet, Danish headers, row 1 frozen:
/// <c>Register</c> (one row per system), <c>Risici</c> (one row per risk line with treatment, recommendation and
/// decision), <c>Metode</c> (the legend: method version and hash, bands, scales, the audit chain head) and the two
/// matrices <c>Matrix nu</c> and <c>Matrix efter</c>. Points and counts are numbers, dates are dates, bands are
/// filled with their colour and always carry their label. Pure: an export in, bytes out to the stream.
/// </summary>
public static class RegisterWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> SheetNames = ["Register", "Risici", "Metode", "Matrix nu", "Matrix efter"];

    private static Language Da => Language.Danish;

    /// <summary>Writes the workbook; the stream must be seekable (the package is a zip).</summary>
    public static void Write(RegisterExport export, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = WorkbookStyles.Write(workbook, export.Method.Bands);
        var parts = new List<WorksheetPart>();
        WriteSheet(workbook, parts, RegisterWidths(export.Method), sheet => Register(sheet, export, styles));
        WriteSheet(workbook, parts, [12, 28, 26, 30, 14, 12, 16, 40, 14, 12, 10, 12, 12, 10, 12, 16, 40, 40, 20, 40, 14, 38, 18, 16, 50, 14, 14, 22], sheet => Risks(sheet, export, styles));
        WriteSheet(workbook, parts, [34, 70, 14, 14, 12, 22], sheet => Legend(sheet, export, styles));
        WriteSheet(workbook, parts, [30, 20, 20, 20, 20, 20, 20], sheet => Matrix(sheet, export.Matrices.Current, styles));
        WriteSheet(workbook, parts, [30, 20, 20, 20, 20, 20, 20], sheet => Matrix(sheet, export.Matrices.Residual, styles));

        var sheets = workbook.Workbook.AppendChild(new Sheets());
        for (var i = 0; i < parts.Count; i++)
        {
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(parts[i]), SheetId = (uint)(i + 1), Name = SheetNames[i] });
        }

        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorkbookPart workbook, List<WorksheetPart> parts, IReadOnlyList<double> widths, Action<SheetWriter> write)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var sheet = new SheetWriter(part, widths))
        {
            write(sheet);
        }

        parts.Add(part);
    }

    private static double[] RegisterWidths(RiskMethod method) =>
        [12, 28, 26, 30, 14, 14, 16, 10, 12, .. method.Bands.Select(_ => 10.0), 14, 12, 14, 14, 16, 22];

    private static void Register(SheetWriter sheet, RegisterExport export, WorkbookStyles styles)
    {
        var bands = export.Method.Bands;
        sheet.Header([
            "System-id", "System", "Forvaltning/afdeling", "Systemejer", "Status", "Runde", "Risikoniveau", "Antal risici", "Over risikoappetit",
            .. bands.Select(b => "Antal " + b.Label.Da), "Tredjelandsoverførsel", "Overvej DPIA", "Indkøbsstop", "Compliance-mangel",
            "Næste vurdering senest", "Metode"]);
        foreach (var row in export.Systems)
        {
            sheet.Row(r =>
            {
                r.Text(row.SystemId).Text(row.Name).Text(row.Department).Text(row.OwnerName ?? row.Owner)
                    .Text(row.Status is { } s ? TabTexts.Get("state." + s, Da) : TabTexts.Get("register.no_assessment", Da)).Text(row.RoundId);
                Band(r, row.Band, styles);
                r.Number(row.Lines).Number(row.AboveAppetite);
                foreach (var band in bands)
                {
                    r.Number(row.CountByBand.GetValueOrDefault(band.Id));
                }

                r.Text(YesNo(row.Flags.ThirdCountry)).Text(YesNo(row.Flags.Dpia)).Text(YesNo(row.Flags.ProcurementHold)).Text(YesNo(row.Flags.ComplianceGap))
                    .Date(row.NextAssessmentDue).Text(row.Method is { } m ? $"{m.Id} {m.Version}" : null);
            });
        }
    }

    private static void Risks(SheetWriter sheet, RegisterExport export, WorkbookStyles styles)
    {
        sheet.Header([
            "System-id", "System", "Forvaltning/afdeling", "Vurdering", "Runde", "Status", "Hændelse-id", "Hændelse", "Sandsynlighed", "Konsekvens",
            "Point", "Risikoniveau", "Inden for risikoappetit", "Restpoint", "Restniveau", "Behandling", "Systemejerens begrundelse", "Udvalgets indstilling",
            "Beslutning", "Beslutningens begrundelse", "Accepteret til", "Besluttet af (objekt-id)", "Besluttet", "Sagsnummer", "Foranstaltninger",
            "Indsendt", "Godkendt", "Metode"]);
        foreach (var risk in export.Risks)
        {
            sheet.Row(r =>
            {
                r.Text(risk.SystemId).Text(risk.SystemName).Text(risk.Department).Text(risk.AssessmentId).Text(risk.RoundId).Text(TabTexts.Get("state." + risk.State, Da))
                    .Text(risk.EventId).Text(risk.EventName.Da).Number(risk.Likelihood).Number(risk.Consequence).Number(risk.Points);
                Band(r, risk.Band, styles);
                r.Text(YesNo(risk.WithinAppetite)).Number(risk.ResidualPoints);
                Band(r, risk.ResidualBand, styles);
                r.Text(risk.Treatment is { } t ? TabTexts.Get("export.treatment." + t, Da) : null).Text(risk.Justification).Text(risk.Recommendation)
                    .Text(risk.Decision is { } d ? TabTexts.Get("export.decision." + d, Da) : null).Text(risk.DecisionJustification)
                    .Date(risk.AcceptedUntil).Text(risk.DecidedBy).Moment(risk.DecidedAt).Text(risk.CaseNumber)
                    .Text(string.Join("; ", risk.Measures.Select(m => $"{m.Description} (frist {m.Deadline:dd-MM-yyyy})")))
                    .Date(risk.SubmittedOn).Date(risk.ApprovedOn).Text($"{risk.Method.Id} {risk.Method.Version}");
            });
        }
    }

    private static void Legend(SheetWriter sheet, RegisterExport export, WorkbookStyles styles)
    {
        var method = export.Method;
        sheet.Header(["Felt", "Værdi", "Fra point", "Til point", "Farve", "Inden for risikoappetit"]);
        sheet.Row(r => r.Text("Metode").Text($"{method.Name.Da} ({method.Id})"));
        sheet.Row(r => r.Text("Metodeversion").Text(method.Version));
        sheet.Row(r => r.Text("Metodens SHA-256").Text(method.Sha256));
        sheet.Row(r => r.Text("Risikoappetit").Text(method.Appetite.Statement.Da));
        sheet.Row(r => r.Text("Genereret").Moment(export.GeneratedAt));
        sheet.Row(r => r.Text("Revisionssporets hoved (nr.)").Number(export.ChainHead?.Seq));
        sheet.Row(r => r.Text("Revisionssporets hoved (hash)").Text(export.ChainHead?.Hash ?? "–"));
        foreach (var band in method.Bands)
        {
            sheet.Row(r =>
            {
                r.Text("Risikoniveau");
                Band(r, band, styles);
                r.Number(band.MinPoints).Number(band.MaxPoints).Text(band.Color).Text(YesNo(method.IsWithinAppetite(band)));
            });
        }

        foreach (var level in method.Likelihood.Levels)
        {
            sheet.Row(r => r.Text($"Sandsynlighed {level.Value}").Text($"{level.Label.Da}: {level.Anchor.Da}"));
        }

        foreach (var level in method.Consequence.Levels)
        {
            sheet.Row(r => r.Text($"Konsekvens {level.Value}").Text($"{level.Label.Da}: {level.Citizens.Da} {level.Municipality.Da}"));
        }
    }

    /// <summary>Rows likelihood (highest first), columns consequence; each count is a number in its band's fill, its label in the format.</summary>
    private static void Matrix(SheetWriter sheet, Workflows.Queries.Register.Heatmap map, WorkbookStyles styles)
    {
        var method = map.Method;
        sheet.Header(["Sandsynlighed \\ Konsekvens", .. method.Consequence.Levels.Select(l => $"{l.Value} {l.Label.Da}")]);
        foreach (var likelihood in method.Likelihood.Levels.OrderByDescending(l => l.Value))
        {
            sheet.Row(r =>
            {
                r.Text($"{likelihood.Value} {likelihood.Label.Da}", WorkbookStyles.Header);
                foreach (var consequence in method.Consequence.Levels)
                {
                    var cell = map.Cell(likelihood.Value, consequence.Value);
                    r.Number(cell.Count, styles.BandCount(cell.Band));
                }
            });
        }
    }

    private static void Band(SheetWriter row, Band? band, WorkbookStyles styles)
    {
        if (band is null)
        {
            row.Text(null);
        }
        else
        {
            row.Text(band.Label.Da, styles.BandLabel(band));
        }
    }

    private static string YesNo(bool value) => value ? "Ja" : "Nej";
}
