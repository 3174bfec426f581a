using Consulting.Domain.Consultants;
using Consulting.Web.Features.Consultants;
using Consulting.Web.Tests.Components;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Tests.Consultants;

public class UnavailabilityTableTests
{
    private static readonly UnavailabilityRow[] Rows =
    [
        new(Guid.NewGuid(), new DateOnly(2025, 8, 4), new DateOnly(2025, 8, 8), UnavailabilityKind.Vacation, "여름 휴가"),
        new(Guid.NewGuid(), new DateOnly(2025, 9, 17), new DateOnly(2025, 9, 17), UnavailabilityKind.OtherCommitment, null),
    ];

    private static Task<string> Render(IReadOnlyList<UnavailabilityRow> rows, bool removable, string culture = "ko-KR")
    {
        var parameters = new Dictionary<string, object?> { [nameof(UnavailabilityTable.Rows)] = rows };
        if (removable)
        {
            parameters[nameof(UnavailabilityTable.OnRemove)] = EventCallback.Factory.Create<UnavailabilityRow>(new object(), _ => { });
        }

        return ComponentRenderer.RenderAsync<UnavailabilityTable>(parameters, culture);
    }

    [Fact]
    public async Task ListsEachPeriodWithItsKindAndNote()
    {
        var html = await Render(Rows, removable: false);

        Assert.Contains("<th scope=\"row\">2025. 8. 4. ~ 2025. 8. 8.</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>휴가</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>여름 휴가</td>", html, StringComparison.Ordinal);
        // A single day reads as one date, not as a range from a day to itself.
        Assert.Contains("<th scope=\"row\">2025. 9. 17.</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>다른 일정</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRemoveButtonNamesTheDatesItRemoves()
    {
        var html = await Render(Rows, removable: true);

        Assert.Contains("aria-label=\"삭제 (2025. 8. 4. ~ 2025. 8. 8.)\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"삭제 (2025. 9. 17.)\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<button").Length - 1);
    }

    [Fact]
    public async Task SaysSoWhenNothingIsDeclared()
    {
        var html = await Render([], removable: true, "en-US");

        Assert.Contains("<p>No dates declared.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }
}
