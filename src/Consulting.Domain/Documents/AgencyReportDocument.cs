using System.Globalization;
using Consulting.Domain.Common;

namespace Consulting.Domain.Documents;

/// <summary>
/// Writes an <see cref="AgencyReport"/> as an editable DOCX (기관별 결과보고서): 1. 기관 개요, 2. 분야별 컨설팅 (per area:
/// 컨설턴트, 방문 일정, 방문 기록 요약, 권고사항과 이행 결과, 자가진단 사전·사후, 컨설턴트 종합 의견), 3. 종합.
/// Labels come from <c>text</c> (the app's resource keys "Report.*", "VisitStatus.*" …, so a reader of the English UI gets
/// English headings; the data stays as entered), dates and numbers from <c>culture</c>.
/// </summary>
public static class AgencyReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="output">Where the file goes.</param>
    /// <param name="report">What it says.</param>
    /// <param name="text">A label by its resource key (composite-format templates are filled here with <paramref name="culture"/>).</param>
    /// <param name="culture">Dates, numbers and which name of a bilingual one (area, agency type, indicator).</param>
    public static void Write(Stream output, AgencyReport report, Func<string, string> text, CultureInfo culture)
    {
        var korean = culture.TwoLetterISOLanguageName != "en";
        string T(string key, params object?[] args) => args.Length == 0 ? text(key) : string.Format(culture, text(key), args);
        string Date(DateOnly d) => d.ToString("d", culture);
        string Score(decimal? s) => s is { } v ? v.ToString("0.00", culture) : "–";
        string Change(decimal? c) => c is { } v ? v.ToString("+0.00;-0.00;0.00", culture) : "–";
        string Whole(int? s) => s is { } v ? v.ToString(culture) : "–";
        string WholeChange(int? c) => c is { } v ? v.ToString("+0;-0;0", culture) : "–";
        string Time(DateTime start, DateTime end) => $"{SeoulTime.ToSeoul(start):HH:mm}–{SeoulTime.ToSeoul(end):HH:mm}";

        var title = T("Report.DocumentTitle", report.Agency.Name);
        using var doc = WordDocument.Create(output, title);
        doc.Footer($"{report.Agency.Name} · {report.Program.Name}", T("Report.PageNumber"));
        doc.Title(title);
        doc.Paragraph(T("Report.Subtitle", report.Program.Name, report.Program.Year, Date(report.Today)));

        doc.Heading(1, T("Report.Section.Overview"));
        doc.Facts([
            (T("Report.Program"), report.Program.Name),
            (T("Report.Year"), report.Program.Year.ToString(CultureInfo.InvariantCulture)),
            (T("Report.Period"), $"{Date(report.Program.ConsultingStart)} ~ {Date(report.Program.ConsultingEnd)}"),
            (T("Report.Agency"), report.Agency.Name),
            (T("Report.AgencyType"), report.Agency.Type.In(korean)),
            (T("Report.District"), report.Agency.District),
            (T("Report.Address"), report.Agency.Address ?? T("Report.NotGiven")),
            (T("Report.Areas"), report.Areas.Count == 0 ? T("Report.NoAreas") : string.Join(", ", report.Areas.Select(a => a.Area.In(korean)))),
        ]);

        doc.Heading(1, T("Report.Section.Areas"));
        if (report.Areas.Count == 0)
        {
            doc.Paragraph(T("Report.NoAreas"));
        }

        for (var i = 0; i < report.Areas.Count; i++)
        {
            var area = report.Areas[i];
            doc.Heading(2, T("Report.AreaHeading", i + 1, area.Area.In(korean)));

            doc.Heading(3, T("Report.Consultants"));
            if (area.Consultants.Count == 0)
            {
                doc.Paragraph(T("Report.NoConsultant"));
            }
            else
            {
                doc.Table(
                    [T("Report.ConsultantName"), T("Report.ConsultantRole"), T("Report.AssignedOn")],
                    area.Consultants.Select(c => (IReadOnlyList<string>)[
                        c.Name,
                        T(c.IsCurrent ? "Report.ConsultantCurrent" : "Report.ConsultantEarlier"),
                        c.AssignedAtUtc == DateTime.MinValue ? "–" : Date(SeoulTime.DateOf(c.AssignedAtUtc))]));
            }

            doc.Heading(3, T("Report.Visits"));
            if (area.Visits.Count == 0)
            {
                doc.Paragraph(T("Report.NoVisits"));
            }
            else
            {
                doc.Paragraph(T("Report.VisitsDone", area.CompletedVisits, area.PlannedVisits));
                doc.Table(
                    [T("Report.VisitNumber"), T("Report.VisitDate"), T("Report.VisitTime"), T("Report.VisitMode"), T("Report.VisitPlace"), T("Report.VisitStatus")],
                    area.Visits.Select(v => (IReadOnlyList<string>)[
                        T("Report.VisitNth", v.Number),
                        Date(SeoulTime.DateOf(v.StartsAtUtc)),
                        Time(v.StartsAtUtc, v.EndsAtUtc),
                        T($"VisitMode.{v.Mode}"),
                        v.Place ?? "–",
                        T($"VisitStatus.{v.Status}")]));
            }

            doc.Heading(3, T("Report.Logs"));
            if (area.Logs.Count == 0)
            {
                doc.Paragraph(T("Report.NoLogs"));
            }
            else if (area.Logs.Any(l => l.Sections.Any(s => s.Shortened)))
            {
                doc.Paragraph(T("Report.LogsNote", AgencyReportService.SectionSummaryLength));
            }

            foreach (var log in area.Logs)
            {
                doc.Paragraph(
                    T("Report.LogHeading", log.VisitNumber, Date(SeoulTime.DateOf(log.VisitStartsAtUtc)), log.ConsultantName, T($"VisitLogStatus.{log.Status}")),
                    bold: true);
                if (log.Topics.Count > 0)
                {
                    doc.Paragraph(T("Report.LogTopics", string.Join(", ", log.Topics)));
                }

                foreach (var section in log.Sections)
                {
                    doc.Paragraph($"{section.Title.In(korean)}: {section.Text}");
                }
            }

            doc.Heading(3, T("Report.Recommendations"));
            if (area.Recommendations.Count == 0)
            {
                doc.Paragraph(T("Report.NoRecommendations"));
            }
            else
            {
                doc.Paragraph(T("Report.RecommendationsDone", area.VerifiedRecommendations, area.Recommendations.Count));
                doc.Table(
                    [T("Report.RecommendationTitle"), T("Report.RecommendationStatus"), T("Report.DueDate"), T("Report.VerifiedOn"), T("Report.Evidence")],
                    area.Recommendations.Select(r => (IReadOnlyList<string>)[
                        r.Title,
                        T($"RecommendationStatus.{r.Status}") + (r.IsOverdue ? " · " + T("Report.Overdue") : ""),
                        Date(r.DueDate),
                        r.VerifiedOn is { } on ? Date(on) : "–",
                        r.Evidence.Count == 0
                            ? T("Report.NoEvidence")
                            : string.Join('\n', r.Evidence.Select(e => T("Report.EvidenceLine", e.FileName, Size(e.SizeBytes, culture), Date(SeoulTime.DateOf(e.UploadedAtUtc)))))]));
            }

            doc.Heading(3, T("Report.Scores"));
            if (!area.Scores.HasAny)
            {
                doc.Paragraph(T("Report.NoScores"));
            }
            else
            {
                var rows = area.Scores.Indicators.Select(s => (IReadOnlyList<string>)[
                        s.Text.In(korean), Whole(s.Before), Whole(s.After), WholeChange(s.Change), Whole(s.ConsultantRating)])
                    .Append([T("Report.AreaMean"), Score(area.Scores.Before), Score(area.Scores.After), Change(area.Scores.Change), Score(area.Scores.ConsultantRating)]);
                doc.Table([T("Report.Indicator"), T("Report.Before"), T("Report.After"), T("Report.Change"), T("Report.ConsultantRating")], rows);
            }

            doc.Heading(3, T("Report.ClosingOpinion"));
            if (string.IsNullOrWhiteSpace(area.ClosingOpinion))
            {
                doc.Paragraph(T("Report.NotWritten"));
            }
            else
            {
                doc.Paragraph(area.ClosingOpinion);
                if (area.ClosingOpinionAtUtc is { } at)
                {
                    doc.Paragraph(T("Report.OpinionBy", area.ClosingOpinionByName ?? "", Date(SeoulTime.DateOf(at))));
                }
            }
        }

        doc.Heading(1, T("Report.Section.Summary"));
        if (report.Areas.Count == 0)
        {
            doc.Paragraph(T("Report.NoAreas"));
            return;
        }

        doc.Table(
            [T("Report.Area"), T("Report.Consultants"), T("Report.VisitsColumn"), T("Report.RecommendationsColumn"), T("Report.Before"), T("Report.After"),
                T("Report.Change"), T("Report.Survey"), T("Report.ClosingOpinion")],
            report.Areas.Select(a => (IReadOnlyList<string>)[
                    a.Area.In(korean),
                    a.Consultants.FirstOrDefault(c => c.IsCurrent)?.Name ?? T("Report.NoConsultant"),
                    T("Report.Fraction", a.CompletedVisits, a.PlannedVisits),
                    T("Report.Fraction", a.VerifiedRecommendations, a.Recommendations.Count),
                    Score(a.Scores.Before), Score(a.Scores.After), Change(a.Scores.Change),
                    T(a.SurveyAnswered ? "Report.SurveyAnswered" : "Report.SurveyNotAnswered"),
                    T(string.IsNullOrWhiteSpace(a.ClosingOpinion) ? "Report.NotWritten" : "Report.Written")])
                .Append([
                    T("Report.Total"), "",
                    T("Report.Fraction", report.Areas.Sum(a => a.CompletedVisits), report.Areas.Sum(a => a.PlannedVisits)),
                    T("Report.Fraction", report.Areas.Sum(a => a.VerifiedRecommendations), report.Areas.Sum(a => a.Recommendations.Count)),
                    Score(report.BeforeMean), Score(report.AfterMean), Change(report.Change),
                    T("Report.Fraction", report.Areas.Count(a => a.SurveyAnswered), report.Areas.Count),
                    T("Report.Fraction", report.Areas.Count(a => !string.IsNullOrWhiteSpace(a.ClosingOpinion)), report.Areas.Count)]));
        doc.Paragraph(T("Report.SummaryNote"));
    }

    /// <summary>A file's size as people read it (B, KB, MB) in <paramref name="culture"/>'s digits.</summary>
    public static string Size(long bytes, CultureInfo culture) => bytes switch
    {
        < 1024 => string.Create(culture, $"{bytes:N0} B"),
        < 1024 * 1024 => string.Create(culture, $"{bytes / 1024d:0.#} KB"),
        _ => string.Create(culture, $"{bytes / (1024d * 1024):0.#} MB"),
    };
}
