using Consulting.Domain.Common;
using Consulting.Domain.Tests.Engagements;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.VisitLogs;

/// <summary>A visit log's life (draft, submitted, returned, approved, amended) and what each step requires, without a database.</summary>
public class VisitLogTests
{
    private static readonly DateOnly June10 = new(2025, 6, 10);
    private static readonly DateTime VisitStart = Unsaved.Utc(June10, 10);
    private static readonly DateTime VisitEnd = Unsaved.Utc(June10, 12);
    private static readonly DateTime AfterTheVisit = Unsaved.Utc(June10, 15);
    private static readonly Actor Consultant = new(Guid.NewGuid(), "윤슬기");
    private static readonly Actor Official = new(Guid.NewGuid(), "한가람");
    private static readonly LogTemplate Planning = DefaultLogTemplates.All.Single(t => t.Code == "planning-evaluation");

    private static readonly LogAgendaItem EarlierStep = new(LogAgendaKind.NextStep, Guid.NewGuid(), 1, "성과지표 초안 공유", false, false);
    private static readonly LogAgendaItem EarlierRecommendation = new(LogAgendaKind.Recommendation, Guid.NewGuid(), 1, "결과보고서 서식 정비", false, false);

    private static VisitLog Draft(IReadOnlyList<LogAgendaItem>? agenda = null)
    {
        var (program, engagement, _) = Unsaved.Assigned("planning-evaluation");
        var visit = engagement.Schedule(program, 2, June10);
        return new VisitLog(visit, Guid.NewGuid(), Consultant, Planning, agenda ?? [], Unsaved.Now);
    }

    private static LogContent Content(
        IReadOnlyList<LogAttendee>? attendees = null,
        IReadOnlyList<string>? topics = null,
        IReadOnlyDictionary<string, string?>? sections = null,
        IReadOnlyList<LogNextStep>? nextSteps = null,
        IReadOnlyList<AgendaMark>? agenda = null,
        string? privateNote = "담당자 교체 예정",
        DateTime? start = null,
        DateTime? end = null) =>
        new(
            start ?? VisitStart,
            end ?? VisitEnd,
            attendees ?? [new LogAttendee("김해솔", "기획팀장", AttendeeKind.AgencyStaff)],
            topics ?? ["성과지표 설정"],
            sections ?? new Dictionary<string, string?>
            {
                ["findings"] = "성과지표가 산출 중심으로만 설정되어 있음",
                ["advice"] = "성과 중심 지표 2개를 추가하도록 자문",
            },
            nextSteps ?? [],
            agenda ?? [],
            privateNote);

    private static VisitLog Submitted()
    {
        var log = Draft();
        log.SaveDraft(Content(), AfterTheVisit);
        log.Submit(Consultant, AfterTheVisit);
        return log;
    }

    private static VisitLog Approved()
    {
        var log = Submitted();
        log.Approve(Official, null, AfterTheVisit);
        return log;
    }

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void ANewLogIsADraftWithTheTemplatesSectionsEmptyAndThePlannedTimes()
    {
        var log = Draft([EarlierStep]);

        Assert.Equal(VisitLogStatus.Draft, log.Status);
        Assert.True(log.IsEditable);
        Assert.Equal("planning-evaluation", log.TemplateCode);
        Assert.Equal(["reviewed", "findings", "indicators", "advice", "requests"], log.Sections.Select(s => s.Key));
        Assert.All(log.Sections, s => Assert.Equal("", s.Text));
        Assert.Equal([false, true, false, true, false], log.Sections.Select(s => s.Required));
        Assert.Equal((VisitStart, VisitEnd), (log.ActualStartsAtUtc!.Value, log.ActualEndsAtUtc!.Value));
        Assert.Equal([EarlierStep], log.Agenda);
        var created = Assert.Single(log.Events);
        Assert.Equal((VisitLogEventKind.Created, "윤슬기"), (created.Kind, created.ByName));
    }

    [Fact]
    public void ADraftKeepsWhatWasWrittenTrimmed()
    {
        var log = Draft();
        var step = Guid.NewGuid();

        log.SaveDraft(
            Content(
                attendees: [new LogAttendee("  김해솔 ", "  ", AttendeeKind.AgencyStaff), new LogAttendee("박가온", "구청 주무관", AttendeeKind.Other)],
                topics: ["성과지표 설정", " 성과지표 설정 ", "  ", "결과보고"],
                sections: new Dictionary<string, string?> { ["findings"] = "  현황  ", ["requests"] = null },
                nextSteps: [new LogNextStep(step, " 지표 초안 공유 "), new LogNextStep(Guid.Empty, "평가 계획 보완"), new LogNextStep(Guid.Empty, "   ")],
                privateNote: "   "),
            AfterTheVisit);

        Assert.Equal([new LogAttendee("김해솔", null, AttendeeKind.AgencyStaff), new LogAttendee("박가온", "구청 주무관", AttendeeKind.Other)], log.Attendees);
        Assert.Equal(["성과지표 설정", "결과보고"], log.Topics);
        Assert.Equal("현황", log.Sections.Single(s => s.Key == "findings").Text);
        Assert.Equal("", log.Sections.Single(s => s.Key == "requests").Text);
        Assert.Equal(2, log.NextSteps.Count);
        Assert.Equal(new LogNextStep(step, "지표 초안 공유"), log.NextSteps[0]);
        Assert.NotEqual(Guid.Empty, log.NextSteps[1].Id);
        Assert.Null(log.PrivateNote);
        Assert.Equal(AfterTheVisit, log.UpdatedAtUtc);
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void ASectionLeftOutOfTheContentKeepsItsText()
    {
        var log = Draft();
        log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["reviewed"] = "사업계획서" }), AfterTheVisit);

        log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = "지표 부족" }), AfterTheVisit);

        Assert.Equal(("사업계획서", "지표 부족"), (log.Sections[0].Text, log.Sections[1].Text));
    }

    [Fact]
    public void ADraftCanBeSavedHalfWritten()
    {
        var log = Draft();

        log.SaveDraft(new LogContent(null, null, [], [], new Dictionary<string, string?>(), [], [], null), AfterTheVisit);

        Assert.Equal((null, null), (log.ActualStartsAtUtc, log.ActualEndsAtUtc));
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void TheWholeLifeDraftSubmittedReturnedResubmittedApprovedAmended()
    {
        var log = Draft();
        log.SaveDraft(Content(), AfterTheVisit);

        log.Submit(Consultant, AfterTheVisit);
        Assert.Equal((VisitLogStatus.Submitted, (DateTime?)AfterTheVisit, false), (log.Status, log.SubmittedAtUtc, log.IsEditable));

        log.Return(Official, "  자문 내용을 구체적으로 적어 주세요 ", AfterTheVisit.AddHours(1));
        Assert.Equal((VisitLogStatus.Returned, "자문 내용을 구체적으로 적어 주세요", true), (log.Status, log.ReturnComment, log.IsEditable));

        log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["advice"] = "성과지표 2개 추가, 측정 도구 예시 제공" }), AfterTheVisit.AddHours(2));
        log.Submit(Consultant, AfterTheVisit.AddHours(2));
        Assert.Equal(VisitLogStatus.Submitted, log.Status);

        log.Approve(Official, "  수고하셨습니다 ", AfterTheVisit.AddHours(3));
        Assert.Equal((VisitLogStatus.Approved, (DateTime?)AfterTheVisit.AddHours(3), (string?)null, false),
            (log.Status, log.ApprovedAtUtc, log.ReturnComment, log.IsEditable));

        var amendment = log.Amend("advice", "측정 도구 예시는 다음 방문에 제공", "자문 내용 정정", Consultant, AfterTheVisit.AddDays(1));
        Assert.Equal((1, "advice", "측정 도구 예시는 다음 방문에 제공", "자문 내용 정정"), (amendment.Number, amendment.SectionKey, amendment.Text, amendment.Reason));
        Assert.Equal("성과지표 2개 추가, 측정 도구 예시 제공", log.Sections.Single(s => s.Key == "advice").Text);
        Assert.Equal(VisitLogStatus.Approved, log.Status);

        Assert.Equal(
            [VisitLogEventKind.Created, VisitLogEventKind.Submitted, VisitLogEventKind.Returned, VisitLogEventKind.Resubmitted, VisitLogEventKind.Approved, VisitLogEventKind.Amended],
            log.Events.Select(e => e.Kind));
        Assert.Equal(
            [null, null, "자문 내용을 구체적으로 적어 주세요", null, "수고하셨습니다", "자문 내용 정정"],
            log.Events.Select(e => e.Comment));
        Assert.Equal(["윤슬기", "윤슬기", "한가람", "윤슬기", "한가람", "윤슬기"], log.Events.Select(e => e.ByName));
    }

    [Fact]
    public void AmendmentsAreNumberedInOrderAndMayCoverTheWholeLog()
    {
        var log = Approved();

        log.Amend(null, "참석자 명단 정정: 박가온 추가", "누락", Official, AfterTheVisit);
        var second = log.Amend("findings", "지표 3개 중 1개는 성과 지표였음", "사실 관계 정정", Consultant, AfterTheVisit);

        Assert.Equal([1, 2], log.Amendments.Select(a => a.Number));
        Assert.Null(log.Amendments[0].SectionKey);
        Assert.Equal((2, "findings"), (second.Number, second.SectionKey));
    }

    [Fact]
    public void SubmittingTwiceIsRefused()
    {
        var log = Submitted();

        Assert.Equal("visitlog.under-review", CodeOf(() => log.Submit(Consultant, AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Submitted, log.Status);
    }

    [Fact]
    public void ADraftCannotBeApprovedOrReturned()
    {
        var log = Draft();
        log.SaveDraft(Content(), AfterTheVisit);

        Assert.Equal("visitlog.review-submitted-only", CodeOf(() => log.Approve(Official, null, AfterTheVisit)));
        Assert.Equal("visitlog.review-submitted-only", CodeOf(() => log.Return(Official, "보완 필요", AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void AnApprovedLogCannotBeApprovedOrReturnedAgain()
    {
        var log = Approved();

        Assert.Equal("visitlog.review-submitted-only", CodeOf(() => log.Approve(Official, null, AfterTheVisit)));
        Assert.Equal("visitlog.review-submitted-only", CodeOf(() => log.Return(Official, "다시 보완", AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Approved, log.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReturningNeedsAComment(string? comment)
    {
        var log = Submitted();

        Assert.Equal("visitlog.comment-required", CodeOf(() => log.Return(Official, comment!, AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Submitted, log.Status);
        Assert.DoesNotContain(log.Events, e => e.Kind == VisitLogEventKind.Returned);
    }

    [Fact]
    public void OnlyAnApprovedLogIsAmended()
    {
        var draft = Draft();
        var submitted = Submitted();
        var returned = Submitted();
        returned.Return(Official, "보완 필요", AfterTheVisit);

        Assert.Equal("visitlog.amend-approved-only", CodeOf(() => draft.Amend(null, "정정", "사유", Consultant, AfterTheVisit)));
        Assert.Equal("visitlog.amend-approved-only", CodeOf(() => submitted.Amend(null, "정정", "사유", Consultant, AfterTheVisit)));
        Assert.Equal("visitlog.amend-approved-only", CodeOf(() => returned.Amend(null, "정정", "사유", Consultant, AfterTheVisit)));
        Assert.Empty(draft.Amendments);
    }

    [Fact]
    public void AnAmendmentNeedsTextAReasonAndAKnownSection()
    {
        var log = Approved();

        Assert.Equal("visitlog.amendment-text-required", CodeOf(() => log.Amend(null, " ", "사유", Consultant, AfterTheVisit)));
        Assert.Equal("visitlog.amendment-reason-required", CodeOf(() => log.Amend(null, "정정", "", Consultant, AfterTheVisit)));
        Assert.Equal("visitlog.unknown-section", CodeOf(() => log.Amend("budget", "정정", "사유", Consultant, AfterTheVisit)));
        Assert.Empty(log.Amendments);
    }

    [Fact]
    public void AnApprovedLogIsLocked()
    {
        var log = Approved();
        var findings = log.Sections.Single(s => s.Key == "findings").Text;

        Assert.Equal("visitlog.locked", CodeOf(() => log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = "고쳐 쓴 내용" }), AfterTheVisit)));
        Assert.Equal("visitlog.locked", CodeOf(() => log.Submit(Consultant, AfterTheVisit)));
        Assert.Equal(findings, log.Sections.Single(s => s.Key == "findings").Text);
    }

    [Fact]
    public void ASubmittedLogCannotBeEditedWhileUnderReview()
    {
        var log = Submitted();

        Assert.Equal("visitlog.under-review", CodeOf(() => log.SaveDraft(Content(privateNote: "바꾼 메모"), AfterTheVisit)));
        Assert.Equal("담당자 교체 예정", log.PrivateNote);
    }

    [Fact]
    public void SubmittingNeedsTheActualTimes()
    {
        var log = Draft();
        log.SaveDraft(Content() with { ActualStartsAtUtc = null }, AfterTheVisit);

        Assert.Equal("visitlog.times-required", CodeOf(() => log.Submit(Consultant, AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void SubmittingBeforeTheVisitStartedIsRefused()
    {
        var log = Draft();
        log.SaveDraft(Content(), AfterTheVisit);

        Assert.Equal("visitlog.future", CodeOf(() => log.Submit(Consultant, VisitStart.AddMinutes(-1))));
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void TheActualTimesMustBeAPlausibleVisit()
    {
        var log = Draft();

        Assert.Equal("visit.end-before-start", CodeOf(() => log.SaveDraft(Content(start: VisitEnd, end: VisitStart), AfterTheVisit)));
        Assert.Equal("visit.too-long", CodeOf(() => log.SaveDraft(Content(start: VisitStart, end: VisitStart.AddHours(11)), AfterTheVisit)));
        Assert.Equal((VisitStart, VisitEnd), (log.ActualStartsAtUtc!.Value, log.ActualEndsAtUtc!.Value));
    }

    [Fact]
    public void SubmittingNeedsAnAttendee()
    {
        var log = Draft();
        log.SaveDraft(Content(attendees: []), AfterTheVisit);

        Assert.Equal("visitlog.attendees-required", CodeOf(() => log.Submit(Consultant, AfterTheVisit)));
    }

    [Fact]
    public void SubmittingNeedsATopic()
    {
        var log = Draft();
        log.SaveDraft(Content(topics: ["  "]), AfterTheVisit);

        Assert.Equal("visitlog.topics-required", CodeOf(() => log.Submit(Consultant, AfterTheVisit)));
    }

    [Fact]
    public void SubmittingNeedsEveryRequiredSectionAndNamesTheFirstMissing()
    {
        var log = Draft();
        log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = "현황", ["advice"] = "   ", ["reviewed"] = "계획서" }), AfterTheVisit);

        var error = Assert.Throws<DomainException>(() => log.Submit(Consultant, AfterTheVisit));

        Assert.Equal("visitlog.section-required", error.Code);
        Assert.Equal([new BilingualName("자문 내용", "Advice given")], error.Args);
        Assert.Contains("Advice given", error.Message, StringComparison.Ordinal);
        Assert.Equal(VisitLogStatus.Draft, log.Status);
    }

    [Fact]
    public void OptionalSectionsMayStayEmpty()
    {
        var log = Draft();
        log.SaveDraft(Content(), AfterTheVisit);

        log.Submit(Consultant, AfterTheVisit);

        Assert.Equal(VisitLogStatus.Submitted, log.Status);
        Assert.Equal("", log.Sections.Single(s => s.Key == "indicators").Text);
    }

    [Fact]
    public void ASectionTheTemplateDoesNotHaveIsRefused()
    {
        var log = Draft();

        var error = Assert.Throws<DomainException>(() => log.SaveDraft(
            Content(sections: new Dictionary<string, string?> { ["findings"] = "현황", ["budget"] = "예산" }), AfterTheVisit));

        Assert.Equal(("visitlog.unknown-section", "budget"), (error.Code, error.Args.Single()));
        Assert.Equal("", log.Sections.Single(s => s.Key == "findings").Text);
    }

    [Fact]
    public void AtMostFortyAttendees()
    {
        var log = Draft();
        var forty = Enumerable.Range(1, VisitLog.MaxAttendees).Select(i => new LogAttendee($"참석자 {i}", null, AttendeeKind.Other)).ToList();

        log.SaveDraft(Content(attendees: forty), AfterTheVisit);
        Assert.Equal("visitlog.too-many-attendees", CodeOf(() => log.SaveDraft(Content(attendees: [.. forty, new LogAttendee("한 명 더", null, AttendeeKind.Other)]), AfterTheVisit)));
        Assert.Equal(VisitLog.MaxAttendees, log.Attendees.Count);
    }

    [Fact]
    public void AtMostTwentyNextStepsAndThirtyTopics()
    {
        var log = Draft();
        var steps = Enumerable.Range(1, VisitLog.MaxNextSteps + 1).Select(i => new LogNextStep(Guid.Empty, $"조치 {i}")).ToList();
        var topics = Enumerable.Range(1, VisitLog.MaxTopics + 1).Select(i => $"주제 {i}").ToList();

        Assert.Equal("visitlog.too-many-next-steps", CodeOf(() => log.SaveDraft(Content(nextSteps: steps), AfterTheVisit)));
        Assert.Equal("visitlog.too-many-topics", CodeOf(() => log.SaveDraft(Content(topics: topics), AfterTheVisit)));
    }

    [Fact]
    public void AnAttendeeNeedsANameAndAKnownKind()
    {
        var log = Draft();

        Assert.Equal("visitlog.attendee-name-required", CodeOf(() => log.SaveDraft(Content(attendees: [new LogAttendee(" ", "팀장", AttendeeKind.AgencyStaff)]), AfterTheVisit)));
        Assert.Equal("visitlog.attendee-kind", CodeOf(() => log.SaveDraft(Content(attendees: [new LogAttendee("김해솔", null, (AttendeeKind)7)]), AfterTheVisit)));
        Assert.Empty(log.Attendees);
    }

    [Fact]
    public void TextLongerThanItsLimitIsRefused()
    {
        var log = Draft();
        var tooLong = new string('가', VisitLog.SectionTextMaxLength + 1);

        var error = Assert.Throws<DomainException>(() => log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = tooLong }), AfterTheVisit));

        Assert.Equal(("common.too-long", (object)VisitLog.SectionTextMaxLength), (error.Code, error.Args.Single()));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("자세한 내용은 <a href=\"https://example.com\">여기</a>")]
    [InlineData("javascript:alert(1)")]
    public void MarkupInAnyTextIsRefused(string markup)
    {
        var log = Draft();

        Assert.Equal("common.markup", CodeOf(() => log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = markup }), AfterTheVisit)));
        Assert.Equal("common.markup", CodeOf(() => log.SaveDraft(Content(topics: [markup]), AfterTheVisit)));
        Assert.Equal("common.markup", CodeOf(() => log.SaveDraft(Content(attendees: [new LogAttendee(markup, null, AttendeeKind.Other)]), AfterTheVisit)));
        Assert.Equal("common.markup", CodeOf(() => log.SaveDraft(Content(nextSteps: [new LogNextStep(Guid.Empty, markup)]), AfterTheVisit)));
        Assert.Equal("common.markup", CodeOf(() => log.SaveDraft(Content(privateNote: markup), AfterTheVisit)));
        Assert.Equal("", log.Sections.Single(s => s.Key == "findings").Text);
    }

    [Theory]
    [InlineData("<1단계> 점검")]
    [InlineData("a < b")]
    [InlineData("만족도 <80% 인 사업 3개")]
    [InlineData("<사업계획서> 검토")]
    [InlineData("3 > 2, 1 <= 2")]
    public void AngleBracketsInOrdinaryTextAreKept(string text)
    {
        var log = Draft();

        log.SaveDraft(Content(sections: new Dictionary<string, string?> { ["findings"] = text }), AfterTheVisit);

        Assert.Equal(text, log.Sections.Single(s => s.Key == "findings").Text);
    }

    [Fact]
    public void AReturnCommentWithMarkupIsRefused()
    {
        var log = Submitted();

        Assert.Equal("common.markup", CodeOf(() => log.Return(Official, "<b>다시</b> 써 주세요", AfterTheVisit)));
        Assert.Equal(VisitLogStatus.Submitted, log.Status);
    }

    [Fact]
    public void AgendaItemsAreMarkedDiscussedAndNextStepsDone()
    {
        var log = Draft([EarlierStep, EarlierRecommendation]);

        log.SaveDraft(Content(agenda: [new AgendaMark(EarlierStep.SourceId, false, true), new AgendaMark(EarlierRecommendation.SourceId, true, false)]), AfterTheVisit);

        Assert.Equal(
            [EarlierStep with { Discussed = true, Done = true }, EarlierRecommendation with { Discussed = true }],
            log.Agenda);
    }

    [Fact]
    public void AnItemNotMarkedKeepsItsMark()
    {
        var log = Draft([EarlierStep, EarlierRecommendation]);
        log.SaveDraft(Content(agenda: [new AgendaMark(EarlierStep.SourceId, true, false)]), AfterTheVisit);

        log.SaveDraft(Content(agenda: [new AgendaMark(EarlierRecommendation.SourceId, true, false)]), AfterTheVisit);

        Assert.Equal([true, true], log.Agenda.Select(a => a.Discussed));
    }

    [Fact]
    public void ARecommendationIsNotMarkedDoneInALog()
    {
        var log = Draft([EarlierStep, EarlierRecommendation]);

        Assert.Equal("visitlog.agenda-done-next-steps-only",
            CodeOf(() => log.SaveDraft(Content(agenda: [new AgendaMark(EarlierRecommendation.SourceId, true, true)]), AfterTheVisit)));
        Assert.Equal([false, false], log.Agenda.Select(a => a.Done));
    }

    [Fact]
    public void AMarkForAnItemNotOnTheAgendaIsRefused()
    {
        var log = Draft([EarlierStep]);

        Assert.Equal("visitlog.unknown-agenda-item", CodeOf(() => log.SaveDraft(Content(agenda: [new AgendaMark(Guid.NewGuid(), true, false)]), AfterTheVisit)));
    }

    [Fact]
    public void ItemsThatAppearedLaterAreAddedToADraftOnlyOnce()
    {
        var log = Draft([EarlierStep]);
        log.SaveDraft(Content(agenda: [new AgendaMark(EarlierStep.SourceId, true, false)]), AfterTheVisit);

        Assert.True(log.MergeAgenda([EarlierStep, EarlierRecommendation]));
        Assert.False(log.MergeAgenda([EarlierStep, EarlierRecommendation]));

        Assert.Equal([EarlierStep with { Discussed = true }, EarlierRecommendation], log.Agenda);
    }

    [Fact]
    public void ASubmittedLogsAgendaIsNotChangedByLaterItems()
    {
        var log = Submitted();

        Assert.False(log.MergeAgenda([EarlierRecommendation]));
        Assert.Empty(log.Agenda);
    }
}
