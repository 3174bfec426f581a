using Consulting.Domain.Common;
using Consulting.Domain.Dashboards;

namespace Consulting.Domain.Documents;

/// <summary>
/// 사업 결과 요약: the dashboard's figures as an editable DOCX — the headline figures, then each dataset of the
/// dashboard under its own heading, as a table with the same rows the page's "numbers behind" show.
/// </summary>
public sealed class ProgramSummaryDocument(ICurrentUser currentUser, ProgramDashboardService dashboards)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Writes the summary into <paramref name="output"/> (a seekable stream: the package is finished on dispose).</summary>
    public async Task<ProgramDashboard> WriteAsync(Guid programId, Stream output, ResultTexts texts, CancellationToken ct = default)
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        var dashboard = await dashboards.GetAsync(programId, ct);
        var title = texts.Format("Results.Summary.Title", dashboard.ProgramName);
        using var doc = WordDocument.Create(output, title);
        doc.Title(title)
            .Facts([(texts["Results.Summary.Program"], dashboard.ProgramName), (texts["Results.Summary.AsOf"], dashboard.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))])
            .Paragraph(texts["Results.Summary.Note"]);
        foreach (var table in DashboardTables.All(dashboard, texts))
        {
            doc.Heading(1, table.Title);
            if (table.Rows.Count == 0)
            {
                doc.Paragraph(texts["Dashboard.NoData"]);
                continue;
            }

            doc.Table(table.Headers, table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(DashboardTable.Invariant)]));
        }

        return dashboard;
    }
}
