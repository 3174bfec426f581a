using Consulting.Domain.VisitLogs;
using Consulting.Web.Components.Display;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Consulting.Web.Features.LogTemplates;

/// <summary>An official edits a log template's names and its ordered sections; logs already opened keep theirs.</summary>
public partial class LogTemplateEditPage
{
    private readonly FormFeedback feedback = new();
    private LogTemplateView? template;
    private bool loaded;
    private string? notice;
    private string nameKo = "";
    private string nameEn = "";
    private List<SectionDraft> sections = [];

    [Inject]
    private LogTemplateService Templates { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter]
    public Guid TemplateId { get; set; }

    private string TemplateName => template is null ? "" : Formats.IsKorean ? template.NameKo : template.NameEn;

    protected override async Task OnParametersSetAsync()
    {
        Show(await Templates.GetAsync(TemplateId));
        loaded = true;
    }

    /// <summary>After a conflict: drops the edits and shows the template as saved now.</summary>
    private async Task ReloadAsync()
    {
        feedback.Clear();
        notice = null;
        Show(await Templates.GetAsync(TemplateId));
    }

    private void Show(LogTemplateView? view)
    {
        template = view;
        if (view is not null)
        {
            nameKo = view.NameKo;
            nameEn = view.NameEn;
            sections = [.. view.Sections.Select(SectionDraft.From)];
        }
    }

    private string TitleOf(SectionDraft section, int number)
    {
        var title = Formats.IsKorean ? section.TitleKo : section.TitleEn;
        return string.IsNullOrWhiteSpace(title) ? L["LogTemplates.Untitled", number] : title;
    }

    private void Add() => sections.Add(new SectionDraft { IsNew = true });

    private void Remove(int index) => sections.RemoveAt(index);

    private void Move(int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= sections.Count)
        {
            return;
        }

        (sections[index], sections[to]) = (sections[to], sections[index]);
    }

    private Task SaveAsync()
    {
        notice = null;
        return feedback.RunAsync(async () =>
        {
            await Templates.UpdateAsync(TemplateId, nameKo, nameEn, [.. sections.Select(s => s.ToSection())], template!.Version);
            Show(await Templates.GetAsync(TemplateId));
            notice = L["LogTemplates.Saved"];
        }, L);
    }

    /// <summary>A section row as edited; a new one gets its key from the domain when saved.</summary>
    private sealed class SectionDraft
    {
        public Guid Uid { get; } = Guid.NewGuid();

        public bool IsNew { get; init; }

        public string Key { get; init; } = "";

        public string TitleKo { get; set; } = "";

        public string TitleEn { get; set; } = "";

        public string? PromptKo { get; set; }

        public string? PromptEn { get; set; }

        public bool Required { get; set; }

        public static SectionDraft From(LogTemplateSection s) => new()
        {
            Key = s.Key,
            TitleKo = s.TitleKo,
            TitleEn = s.TitleEn,
            PromptKo = s.PromptKo,
            PromptEn = s.PromptEn,
            Required = s.Required,
        };

        public LogTemplateSection ToSection() => new(IsNew ? "" : Key, TitleKo, TitleEn, PromptKo, PromptEn, Required);
    }
}
