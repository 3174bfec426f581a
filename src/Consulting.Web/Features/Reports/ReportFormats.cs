using System.Globalization;

namespace Consulting.Web.Features.Reports;

/// <summary>The report's scores as the DOCX writes them (two decimals, a signed change), in the current culture.</summary>
public static class ReportFormats
{
    public const string None = "–";

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.00", CultureInfo.CurrentCulture) : None;

    public static string Change(decimal? change) => change is { } c ? c.ToString("+0.00;-0.00;0.00", CultureInfo.CurrentCulture) : None;

    public static string Whole(int? score) => score is { } s ? s.ToString(CultureInfo.CurrentCulture) : None;

    public static string WholeChange(int? change) => change is { } c ? c.ToString("+0;-0;0", CultureInfo.CurrentCulture) : None;

    public static string Date(DateTime utc) => Components.Display.Formats.Date(Domain.Common.SeoulTime.DateOf(utc));

    /// <summary>The report's link on the page and the DOCX download's address.</summary>
    public static string PageLink(Guid programId, Guid agencyId) => $"/programs/{programId}/agencies/{agencyId}/report";

    public static string DocxLink(Guid programId, Guid agencyId) => PageLink(programId, agencyId) + ".docx";
}
