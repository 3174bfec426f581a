using Consulting.Domain.Common;
using Consulting.Domain.Surveys;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;

namespace Consulting.Web.Features.Surveys;

/// <summary>
/// The survey of one engagement: its agency answers each question once the last visit is completed, then sees what it
/// sent; officials read the answer. A consultant never reaches a single agency's answer (the page says not found).
/// </summary>
public partial class SurveyPage
{
    private readonly FormFeedback feedback = new();
    private readonly Dictionary<SurveyItem, int?> scores = SurveyFormats.Items.ToDictionary(i => i, _ => (int?)null);
    private readonly HashSet<SurveyItem> missingItems = [];
    private SurveyState? state;
    private string? comment;
    private string? missingSummary;
    private bool loaded;
    private bool thanked;

    [Inject]
    private SurveyService Surveys { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Parameter]
    public Guid EngagementId { get; set; }

    private string Heading => state is null ? "" : L["Survey.Heading", state.AgencyName, state.Area.In(Formats.IsKorean)];

    private IReadOnlyList<string> AnswerThis => [L["Survey.AnswerThis"].Value];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        state = await Surveys.ForEngagementAsync(EngagementId);
        loaded = true;
    }

    private async Task ReloadAsync()
    {
        feedback.Clear();
        await LoadAsync();
    }

    private void Choose(SurveyItem item, int score)
    {
        scores[item] = score;
        missingItems.Remove(item);
    }

    private async Task SubmitAsync()
    {
        missingItems.Clear();
        missingItems.UnionWith(SurveyFormats.Items.Where(i => scores[i] is null));
        if (missingItems.Count > 0)
        {
            feedback.Clear();
            missingSummary = L["Survey.Missing", string.Join(", ", missingItems.Select(i => L[$"SurveyItemShort.{i}"].Value))];
            return;
        }

        missingSummary = null;
        var answers = new SurveyAnswers(
            scores[SurveyItem.Expertise], scores[SurveyItem.Usefulness], scores[SurveyItem.Communication], scores[SurveyItem.ScheduleFit], scores[SurveyItem.Overall], comment);
        var ok = false;
        await feedback.RunAsync(async () =>
        {
            await Surveys.SubmitAsync(EngagementId, answers);
            ok = true;
        }, L);
        if (ok)
        {
            thanked = true;
            await LoadAsync();
        }
    }
}
