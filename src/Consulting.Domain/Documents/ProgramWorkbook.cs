using System.IO.Compression;
using Consulting.Domain.Assessments;
using Consulting.Domain.Attachments;
using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;
using Consulting.Domain.Data;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Visits;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Documents;

/// <summary>
/// 사업 결과 통합 문서: the programme's results as an XLSX workbook — 요약 (the dashboard's figures), 기관, 방문,
/// 권고사항, 자가진단, 만족도. Rows are streamed from the database into each sheet with an <see cref="OpenXmlWriter"/>,
/// straight into the ZIP entry (see <see cref="XlsxPackage"/>), so a programme of thousands of agencies does not grow
/// the memory it takes.
/// Dates are real spreadsheet dates (serial numbers shown as yyyy-mm-dd), numbers numeric cells; the stylesheet
/// declares Malgun Gothic so Korean renders in Excel and LibreOffice alike.
/// </summary>
public sealed class ProgramWorkbook(IDbContextFactory<ConsultingDbContext> dbFactory, ICurrentUser currentUser, ProgramDashboardService dashboards)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string KoreanFont = WordDocument.KoreanFont;

    // Cell formats of the stylesheet below.
    private const uint Plain = 0;
    private const uint HeaderStyle = 1;
    private const uint DateFormat = 2;
    private const uint Decimal = 3;
    private const uint DateNumberFormatId = 164;

    /// <summary>Writes the workbook to <paramref name="output"/>, which need not be seekable (ZIP entries are written once, in order); returns the figures of its summary.</summary>
    public async Task<ProgramDashboard> WriteAsync(Guid programId, Stream output, ResultTexts texts, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        var dashboard = await dashboards.GetAsync(programId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (string NameKey, double[] Widths, Func<SheetWriter, Task> Rows)[] sheets =
        [
            ("Results.Sheet.Summary", [40, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14], w => Summary(w, dashboard, texts)),
            ("Results.Sheet.Agencies", [30, 18, 12, 24, 18, 10, 10, 10, 12, 10, 10, 10], w => AgenciesAsync(w, db, dashboard, texts, ct)),
            ("Results.Sheet.Visits", [30, 16, 8, 12, 10, 12, 12], w => VisitsAsync(w, db, programId, texts, ct)),
            ("Results.Sheet.Recommendations", [30, 16, 36, 10, 12, 12, 10, 10], w => RecommendationsAsync(w, db, dashboard, texts, ct)),
            ("Results.Sheet.Assessments", [30, 16, 12, 40, 8, 12], w => AssessmentsAsync(w, db, programId, texts, ct)),
            ("Results.Sheet.Survey", [30, 16, 12, 10, 10, 10, 10, 10, 50], w => SurveyAsync(w, db, programId, texts, ct)),
        ];

        // The package is written entry by entry (System.IO.Packaging would keep every part in memory until the end).
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        XlsxPackage.WriteFrame(
            zip, sheets.Select(s => texts[s.NameKey]).ToList(), texts.Format("Results.Workbook.Title", dashboard.ProgramName),
            texts.Korean ? WordDocument.Language : "en-US");
        XlsxPackage.WritePart(zip, XlsxPackage.StylesPath, Stylesheet());
        for (var i = 0; i < sheets.Length; i++)
        {
            await using var entry = zip.CreateEntry(XlsxPackage.SheetPath(i), CompressionLevel.Fastest).Open();
            using var writer = new SheetWriter(OpenXmlWriter.Create(entry), sheets[i].Widths);
            await sheets[i].Rows(writer);
        }

        return dashboard;
    }

    private static Task Summary(SheetWriter w, ProgramDashboard d, ResultTexts t)
    {
        w.Header([t["Dashboard.Col.Item"], t["Dashboard.Col.Value"]]);
        w.Row([t["Results.Summary.Program"], d.ProgramName]);
        w.Row([t["Results.Summary.AsOf"], d.Today]);
        foreach (var (label, value) in DashboardTables.HeadlineFigures(d, t))
        {
            w.Row([label, value]);
        }

        // Then every dataset of the dashboard, each under its title, as the page's "numbers behind" show them.
        foreach (var table in DashboardTables.All(d, t).Where(x => x.Name != DashboardTables.Headline))
        {
            w.Row([]);
            w.Header([table.Title]);
            w.Header(table.Headers);
            foreach (var row in table.Rows)
            {
                w.Row(row);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task AgenciesAsync(SheetWriter w, ConsultingDbContext db, ProgramDashboard d, ResultTexts t, CancellationToken ct)
    {
        w.Header([
            t["Results.Col.Agency"], t["Results.Col.Type"], t["Results.Col.District"], t["Results.Col.Areas"], t["Results.Col.Consultants"],
            t["Results.Col.PlannedVisits"], t["Results.Col.CompletedVisits"], t["Results.Col.Recommendations"], t["Results.Col.Rate"],
            t["Results.Col.BeforeMean"], t["Results.Col.AfterMean"], t["Results.Col.SurveyAnswered"],
        ]);

        // Each engagement's before/after score (one number per engagement and phase), for the agencies' means.
        var scores = new Dictionary<(Guid Agency, AssessmentPhase Phase), List<decimal?>>();
        await foreach (var a in db.Assessments
                           .Where(a => a.ProgramId == d.ProgramId && a.Status == AssessmentStatus.Submitted && a.Phase != AssessmentPhase.Round)
                           .Select(a => new { a.AgencyId, a.Phase, a.Items })
                           .AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = (a.AgencyId, a.Phase);
            if (!scores.TryGetValue(key, out var list))
            {
                scores[key] = list = [];
            }

            list.Add(AssessmentScores.Mean(a.Items.Select(i => i.Score)));
        }

        decimal? Mean(Guid agencyId, AssessmentPhase phase) => scores.TryGetValue((agencyId, phase), out var list) ? AssessmentScores.Mean(list) : null;

        // One row per engagement, in agency order; the rows of one agency are folded into its line as they pass.
        var engagements = (
                from e in db.Engagements
                where e.ProgramId == d.ProgramId
                join a in db.Agencies on e.AgencyId equals a.Id
                join area in db.ProgramAreas on e.AreaId equals area.Id
                orderby a.Name, a.Id, area.SortOrder
                select new EngagementLine(
                    e.AgencyId,
                    a.Name,
                    a.Type!.NameKo,
                    a.Type.NameEn,
                    a.District,
                    area.NameKo,
                    area.NameEn,
                    db.Consultants.Where(c => c.Id == e.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                    e.PlannedVisits,
                    db.Visits.Count(v => v.EngagementId == e.Id && v.Status == VisitStatus.Completed),
                    db.Recommendations.Count(r => r.EngagementId == e.Id && r.PublishedAtUtc != null),
                    db.Recommendations.Count(r => r.EngagementId == e.Id && r.PublishedAtUtc != null && r.Status == RecommendationStatus.Verified),
                    db.Recommendations.Count(r => r.EngagementId == e.Id && r.PublishedAtUtc != null && r.Status == RecommendationStatus.NotAdopted),
                    db.SurveyResponses.Count(s => s.EngagementId == e.Id)))
            .AsNoTracking()
            .AsAsyncEnumerable();

        var group = new List<EngagementLine>();
        void Flush()
        {
            if (group.Count == 0)
            {
                return;
            }

            var first = group[0];
            var progress = new FollowUpProgress(group.Sum(g => g.Published), group.Sum(g => g.Verified), group.Sum(g => g.NotAdopted), 0, 0);
            w.Row([
                first.Agency,
                t.Korean ? first.TypeKo : first.TypeEn,
                first.District,
                string.Join(", ", group.Select(g => t.Korean ? g.AreaKo : g.AreaEn)),
                string.Join(", ", group.Select(g => g.Consultant).OfType<string>().Distinct()),
                group.Sum(g => g.PlannedVisits),
                group.Sum(g => g.Completed),
                progress.Total,
                progress.Percent,
                Mean(first.AgencyId, AssessmentPhase.Before),
                Mean(first.AgencyId, AssessmentPhase.After),
                group.Sum(g => g.Answered),
            ]);
            group.Clear();
        }

        await foreach (var row in engagements.WithCancellation(ct))
        {
            if (group.Count > 0 && group[0].AgencyId != row.AgencyId)
            {
                Flush();
            }

            group.Add(row);
        }

        Flush();
    }

    private static async Task VisitsAsync(SheetWriter w, ConsultingDbContext db, Guid programId, ResultTexts t, CancellationToken ct)
    {
        w.Header([
            t["Results.Col.Agency"], t["Results.Col.Area"], t["Results.Col.Number"], t["Results.Col.Date"], t["Results.Col.Status"],
            t["Results.Col.Consultant"], t["Results.Col.LogStatus"],
        ]);
        var rows =
            from v in db.Visits
            where v.ProgramId == programId
            join a in db.Agencies on v.AgencyId equals a.Id
            join area in db.ProgramAreas on v.AreaId equals area.Id
            orderby a.Name, area.SortOrder, v.Number, v.StartsAtUtc
            select new
            {
                a.Name,
                area.NameKo,
                area.NameEn,
                v.Number,
                v.StartsAtUtc,
                v.Status,
                Consultant = db.Consultants.Where(c => c.Id == v.ConsultantId).Select(c => c.Name).FirstOrDefault(),
                Log = db.VisitLogs.Where(l => l.VisitId == v.Id).Select(l => (VisitLogs.VisitLogStatus?)l.Status).FirstOrDefault(),
            };
        await foreach (var v in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            w.Row([
                v.Name, t.Korean ? v.NameKo : v.NameEn, v.Number, SeoulTime.DateOf(v.StartsAtUtc), t["VisitStatus." + v.Status], v.Consultant,
                v.Log is { } log ? t["VisitLogStatus." + log] : t["Results.NoLog"],
            ]);
        }
    }

    private static async Task RecommendationsAsync(SheetWriter w, ConsultingDbContext db, ProgramDashboard d, ResultTexts t, CancellationToken ct)
    {
        w.Header([
            t["Results.Col.Agency"], t["Results.Col.Area"], t["Results.Col.Title"], t["Results.Col.Priority"], t["Results.Col.Due"],
            t["Results.Col.Status"], t["Results.Col.Overdue"], t["Results.Col.Evidence"],
        ]);
        var rows =
            from r in db.Recommendations
            where r.ProgramId == d.ProgramId && r.PublishedAtUtc != null
            join a in db.Agencies on r.AgencyId equals a.Id
            join area in db.ProgramAreas on r.AreaId equals area.Id
            orderby a.Name, area.SortOrder, r.PublishedAtUtc, r.Title
            select new
            {
                a.Name,
                area.NameKo,
                area.NameEn,
                r.Title,
                r.Priority,
                r.DueDate,
                r.Status,
                Evidence = db.Attachments.Count(x => x.OwnerKind == AttachmentOwner.Recommendation && x.OwnerId == r.Id),
            };
        await foreach (var r in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var overdue = Recommendation.ActiveStatuses.Contains(r.Status) && r.DueDate < d.Today;
            w.Row([
                r.Name, t.Korean ? r.NameKo : r.NameEn, r.Title, t["RecommendationPriority." + r.Priority], r.DueDate, t["RecommendationStatus." + r.Status],
                overdue ? t["Results.Yes"] : t["Results.No"], r.Evidence,
            ]);
        }
    }

    private static async Task AssessmentsAsync(SheetWriter w, ConsultingDbContext db, Guid programId, ResultTexts t, CancellationToken ct)
    {
        w.Header([
            t["Results.Col.Agency"], t["Results.Col.Area"], t["Results.Col.Phase"], t["Results.Col.Indicator"], t["Results.Col.Score"], t["Results.Col.Rating"],
        ]);
        var rows =
            from x in db.Assessments
            where x.ProgramId == programId && x.Status == AssessmentStatus.Submitted
            join a in db.Agencies on x.AgencyId equals a.Id
            join area in db.ProgramAreas on x.AreaId equals area.Id
            orderby a.Name, area.SortOrder, x.Phase
            select new { a.Name, area.NameKo, area.NameEn, x.Phase, x.Items };
        await foreach (var x in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var item in x.Items)
            {
                w.Row([x.Name, t.Korean ? x.NameKo : x.NameEn, t["Results.Phase." + x.Phase], t.Name(item.Text), item.Score, item.ConsultantScore]);
            }
        }
    }

    private static async Task SurveyAsync(SheetWriter w, ConsultingDbContext db, Guid programId, ResultTexts t, CancellationToken ct)
    {
        w.Header([
            t["Results.Col.Agency"], t["Results.Col.Area"], t["Results.Col.Consultant"],
            .. Enum.GetValues<Surveys.SurveyItem>().Select(i => t["Dashboard.Survey." + i]),
            t["Results.Col.Comment"],
        ]);
        var rows =
            from s in db.SurveyResponses
            where s.ProgramId == programId
            join a in db.Agencies on s.AgencyId equals a.Id
            join area in db.ProgramAreas on s.AreaId equals area.Id
            join c in db.Consultants on s.ConsultantId equals c.Id
            orderby a.Name, area.SortOrder
            select new { a.Name, area.NameKo, area.NameEn, Consultant = c.Name, s.Expertise, s.Usefulness, s.Communication, s.ScheduleFit, s.Overall, s.Comment };
        await foreach (var s in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            w.Row([s.Name, t.Korean ? s.NameKo : s.NameEn, s.Consultant, s.Expertise, s.Usefulness, s.Communication, s.ScheduleFit, s.Overall, s.Comment]);
        }
    }

    private sealed record EngagementLine(
        Guid AgencyId, string Agency, string TypeKo, string TypeEn, string District, string AreaKo, string AreaEn, string? Consultant,
        int PlannedVisits, int Completed, int Published, int Verified, int NotAdopted, int Answered);

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateNumberFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = KoreanFont }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 129 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = KoreanFont }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 129 }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = DateNumberFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 4 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>Writes one worksheet element by element: the frozen header row, the column widths, then rows as they come.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private readonly OpenXmlWriter _writer;
        private uint _row;

        public SheetWriter(OpenXmlWriter writer, double[] widths)
        {
            _writer = writer;
            _writer.WriteStartDocument();
            _writer.WriteStartElement(new Worksheet());
            _writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }));
            _writer.WriteElement(new Columns(widths.Select((width, i) =>
                new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));
            _writer.WriteStartElement(new SheetData());
        }

        public void Header(IEnumerable<string> texts) => Write(texts.Select(text => (object?)text), HeaderStyle);

        public void Row(IEnumerable<object?> cells) => Write(cells, null);

        public void Dispose()
        {
            _writer.WriteEndElement(); // sheetData
            _writer.WriteEndElement(); // worksheet
            _writer.Close();
            _writer.Dispose();
        }

        private void Write(IEnumerable<object?> cells, uint? style)
        {
            _writer.WriteStartElement(new Row { RowIndex = ++_row });
            foreach (var value in cells)
            {
                _writer.WriteElement(Cell(value, style));
            }

            _writer.WriteEndElement();
        }

        private static Cell Cell(object? value, uint? style) => value switch
        {
            null => new Cell { StyleIndex = style ?? Plain },
            int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i), StyleIndex = style ?? Plain },
            decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = style ?? Decimal },
            DateOnly date => new Cell
            {
                CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                StyleIndex = style ?? DateFormat,
            },
            _ => new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")),
                StyleIndex = style ?? Plain,
            },
        };
    }
}
