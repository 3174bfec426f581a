using System.Globalization;

namespace Consulting.Domain.Common;

/// <summary>A name kept in Korean and English that prints itself in the reader's UI language (messages, feeds).</summary>
public sealed record BilingualName(string Ko, string En)
{
    public string In(bool korean) => korean ? Ko : En;

    public override string ToString() => In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en");
}
