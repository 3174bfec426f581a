using Consulting.Domain.Common;
using Consulting.Domain.Recommendations;
using Consulting.Domain.Tests.Engagements;
using Consulting.Domain.VisitLogs;
using Consulting.Domain.Visits;

namespace Consulting.Domain.Tests.Recommendations;

/// <summary>
/// A published recommendation's follow-up without a database: every step allowed from each status, every step refused
/// from the others, what each step requires, and the one timeline event each step writes.
/// </summary>
public class RecommendationLifecycleTests
{
    private static readonly DateOnly VisitDay = new(2025, 6, 10);
    private static readonly DateOnly Today = new(2025, 6, 20);
    private static readonly DateOnly Due = new(2025, 7, 31);
    private static readonly DateTime PublishedAt = Unsaved.Utc(new DateOnly(2025, 6, 12), 9);
    private static readonly DateTime Now = Unsaved.Utc(Today, 14);
    private static readonly Actor Consultant = new(Guid.NewGuid(), "윤슬기");
    private static readonly Actor Official = new(Guid.NewGuid(), "한가람");
    private static readonly Actor Staff = new(Guid.NewGuid(), "서다온");
    private static readonly LogTemplate Planning = DefaultLogTemplates.All.Single(t => t.Code == "planning-evaluation");

    /// <summary>Which step each status allows, written out here rather than read from <see cref="Recommendation.CanStep"/>.</summary>
    private static readonly Dictionary<RecommendationStep, RecommendationStatus[]> Allowed = new()
    {
        [RecommendationStep.Plan] = [RecommendationStatus.Open, RecommendationStatus.Planned, RecommendationStatus.InProgress],
        [RecommendationStep.Progress] = [RecommendationStatus.Planned, RecommendationStatus.InProgress],
        [RecommendationStep.AddEvidence] = [RecommendationStatus.Planned, RecommendationStatus.InProgress],
        [RecommendationStep.Submit] = [RecommendationStatus.Planned, RecommendationStatus.InProgress],
        [RecommendationStep.Verify] = [RecommendationStatus.Submitted],
        [RecommendationStep.Return] = [RecommendationStatus.Submitted],
        [RecommendationStep.ProposeNotAdopted] = [RecommendationStatus.Open, RecommendationStatus.Planned, RecommendationStatus.InProgress],
        [RecommendationStep.DecideNotAdopted] = [RecommendationStatus.NotAdoptionProposed],
        [RecommendationStep.ExtendDue] =
        [
            RecommendationStatus.Open, RecommendationStatus.Planned, RecommendationStatus.InProgress, RecommendationStatus.Submitted,
            RecommendationStatus.NotAdoptionProposed,
        ],
    };

    public static TheoryData<RecommendationStatus, RecommendationStep> AllPairs()
    {
        var data = new TheoryData<RecommendationStatus, RecommendationStep>();
        foreach (var status in Enum.GetValues<RecommendationStatus>())
        {
            foreach (var step in Enum.GetValues<RecommendationStep>())
            {
                data.Add(status, step);
            }
        }

        return data;
    }

    /// <summary>A recommendation raised in a log of 10 June, due 31 July, not yet published.</summary>
    internal static Recommendation Unpublished(DateOnly? due = null)
    {
        var (program, engagement, _) = Unsaved.Assigned("planning-evaluation");
        var visit = engagement.Schedule(program, 2, VisitDay);
        var log = new VisitLog(visit, Guid.NewGuid(), Consultant, Planning, [], Unsaved.Now);
        return new Recommendation(
            log, engagement.AreaId, new RecommendationInput("성과지표 정비", "성과 중심 지표 2개를 추가할 것", null, RecommendationPriority.High, due ?? Due, "개정 지표"),
            VisitDay, Consultant, Unsaved.Now);
    }

    /// <summary>A published recommendation brought to <paramref name="status"/> the way the app gets it there.</summary>
    internal static Recommendation In(RecommendationStatus status, RecommendationStatus proposedFrom = RecommendationStatus.Open)
    {
        var r = Unpublished();
        r.Publish(Official, PublishedAt);
        switch (status)
        {
            case RecommendationStatus.Open:
                break;
            case RecommendationStatus.Planned:
                r.Plan("지표 개정", "기획팀장", Due, Today, Staff, Now);
                break;
            case RecommendationStatus.InProgress:
                r.Plan("지표 개정", "기획팀장", Due, Today, Staff, Now);
                r.AddProgress("초안 작성", Staff, Now);
                break;
            case RecommendationStatus.Submitted:
                r = In(RecommendationStatus.InProgress);
                r.Submit("개정안 제출", 1, Staff, Now);
                break;
            case RecommendationStatus.Verified:
                r = In(RecommendationStatus.Submitted);
                r.Verify(null, Consultant, Now);
                break;
            case RecommendationStatus.NotAdoptionProposed:
                r = In(proposedFrom);
                r.ProposeNotAdopted("예산 부족", Staff, Now);
                break;
            case RecommendationStatus.NotAdopted:
                r = In(RecommendationStatus.NotAdoptionProposed);
                r.AcceptNotAdopted(null, Official, Now);
                break;
        }

        Assert.Equal(status, r.Status);
        return r;
    }

    /// <summary>Takes <paramref name="step"/> with valid input (for deciding, accepting; AddEvidence has no entity method).</summary>
    private static void Take(Recommendation r, RecommendationStep step, DateTime at)
    {
        switch (step)
        {
            case RecommendationStep.Plan:
                r.Plan("지표 개정", "기획팀장", Due, Today, Staff, at);
                break;
            case RecommendationStep.Progress:
                r.AddProgress("초안 작성", Staff, at);
                break;
            case RecommendationStep.Submit:
                r.Submit("개정안 제출", 2, Staff, at);
                break;
            case RecommendationStep.Verify:
                r.Verify("확인", Consultant, at);
                break;
            case RecommendationStep.Return:
                r.Return("결재본 필요", Consultant, at);
                break;
            case RecommendationStep.ProposeNotAdopted:
                r.ProposeNotAdopted("예산 부족", Staff, at);
                break;
            case RecommendationStep.DecideNotAdopted:
                r.AcceptNotAdopted("수용", Official, at);
                break;
            case RecommendationStep.ExtendDue:
                r.ExtendDue(Due.AddMonths(1), "인사 이동", Official, at);
                break;
            default:
                throw new InvalidOperationException($"No entity method for {step}.");
        }
    }

    private static string CodeOf(Action action) => Assert.Throws<DomainException>(action).Code;

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EachStepIsAllowedExactlyFromTheStatusesOfTheTable(RecommendationStatus status, RecommendationStep step)
    {
        var allowed = Allowed[step].Contains(status);

        Assert.Equal(allowed, Recommendation.CanStep(status, step));
        if (step == RecommendationStep.AddEvidence)
        {
            return;
        }

        var r = In(status);
        var events = r.Events.Count;
        var at = Now.AddHours(1);
        if (allowed)
        {
            Take(r, step, at);
            Assert.Equal(events + 1, r.Events.Count);
            Assert.Equal(at, r.Events[^1].AtUtc);
            Assert.Equal(status, r.Events[^1].FromStatus);
            Assert.Equal(r.Status, r.Events[^1].ToStatus);
        }
        else
        {
            var (due, plan, version) = (r.DueDate, r.PlanWhat, r.UpdatedAtUtc);
            Assert.Equal("recommendation.step-not-allowed", CodeOf(() => Take(r, step, at)));
            Assert.Equal((status, events, due, plan, version), (r.Status, r.Events.Count, r.DueDate, r.PlanWhat, r.UpdatedAtUtc));
        }
    }

    public static TheoryData<RecommendationStep> EntitySteps() => new(Enum.GetValues<RecommendationStep>().Where(s => s != RecommendationStep.AddEvidence));

    [Theory]
    [MemberData(nameof(EntitySteps))]
    public void NothingHappensBeforeTheRecommendationIsPublished(RecommendationStep step)
    {
        var r = Unpublished();

        Assert.Equal("recommendation.not-published", CodeOf(() => Take(r, step, Now)));
        Assert.Equal((RecommendationStatus.Open, 0, (DateOnly?)null), (r.Status, r.Events.Count, r.OriginalDueDate));
    }

    [Fact]
    public void PublishingRecordsOneEventOnce()
    {
        var r = Unpublished();
        Assert.False(r.IsPublished);

        r.Publish(Official, PublishedAt);
        r.Publish(Consultant, Now);

        var e = Assert.Single(r.Events);
        Assert.Equal((RecommendationEventKind.Published, RecommendationStatus.Open, RecommendationStatus.Open, Official.UserId, "한가람", PublishedAt),
            (e.Kind, e.FromStatus, e.ToStatus, e.ByUserId, e.ByName, e.AtUtc));
        Assert.Equal((PublishedAt, PublishedAt), (r.PublishedAtUtc, r.StatusChangedAtUtc));
        Assert.Equal("recommendation.published", CodeOf(() => r.Update(r.AreaId, new RecommendationInput("x", "y", null, RecommendationPriority.Low, Due, null), VisitDay, Now)));
    }

    [Fact]
    public void PlanningMakesAnOpenRecommendationPlannedAndKeepsWhatWhoAndWhen()
    {
        var r = In(RecommendationStatus.Open);

        r.Plan(" 성과지표 2개 추가 ", " 기획팀장 김해솔 ", Today.AddDays(10), Today, Staff, Now);

        Assert.Equal((RecommendationStatus.Planned, "성과지표 2개 추가", "기획팀장 김해솔", (DateOnly?)Today.AddDays(10), (DateTime?)Now),
            (r.Status, r.PlanWhat, r.PlanOwner, r.PlanDueDate, r.StatusChangedAtUtc));
        var e = r.Events[^1];
        Assert.Equal(
            (RecommendationEventKind.Planned, RecommendationStatus.Open, RecommendationStatus.Planned, Staff.UserId, "서다온", "성과지표 2개 추가", "기획팀장 김해솔", (DateOnly?)Today.AddDays(10), Now),
            (e.Kind, e.FromStatus, e.ToStatus, e.ByUserId, e.ByName, e.Text, e.Detail, e.Date, e.AtUtc));
        Assert.Equal(r.Id, e.RecommendationId);
    }

    [Theory]
    [InlineData(RecommendationStatus.Planned)]
    [InlineData(RecommendationStatus.InProgress)]
    public void APlanIsRevisedWithoutChangingTheStatus(RecommendationStatus status)
    {
        var r = In(status);
        var changed = r.StatusChangedAtUtc;
        var events = r.Events.Count;
        var later = Now.AddDays(1);

        r.Plan("외부 자문 포함", "사무국장", Due, Today, Staff, later);

        Assert.Equal((status, "외부 자문 포함", "사무국장", (DateOnly?)Due, changed), (r.Status, r.PlanWhat, r.PlanOwner, r.PlanDueDate, r.StatusChangedAtUtc));
        Assert.Equal(events + 1, r.Events.Count);
        var e = r.Events[^1];
        Assert.Equal((RecommendationEventKind.PlanRevised, status, status, "외부 자문 포함", "사무국장", later),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text, e.Detail, e.AtUtc));
    }

    [Fact]
    public void AProgressNoteStartsThePlannedWorkAndThenAddsToIt()
    {
        var r = In(RecommendationStatus.Planned);

        r.AddProgress("지표 초안 작성", Staff, Now);
        r.AddProgress("운영위원회 검토", Staff, Now.AddDays(2));

        Assert.Equal(RecommendationStatus.InProgress, r.Status);
        Assert.Equal(
            [(RecommendationStatus.Planned, RecommendationStatus.InProgress, "지표 초안 작성"), (RecommendationStatus.InProgress, RecommendationStatus.InProgress, "운영위원회 검토")],
            r.Events.TakeLast(2).Select(e => (e.FromStatus, e.ToStatus, e.Text)));
        Assert.All(r.Events.TakeLast(2), e => Assert.Equal(RecommendationEventKind.Progress, e.Kind));
        Assert.Equal(Now, r.StatusChangedAtUtc);
    }

    [Theory]
    [InlineData(RecommendationStatus.Planned)]
    [InlineData(RecommendationStatus.InProgress)]
    public void SubmittingNeedsAtLeastOneFile(RecommendationStatus status)
    {
        var r = In(status);
        var events = r.Events.Count;

        Assert.Equal("recommendation.evidence-required", CodeOf(() => r.Submit("개정안 제출", 0, Staff, Now)));
        Assert.Equal((status, events), (r.Status, r.Events.Count));

        r.Submit("개정안 제출", 3, Staff, Now);

        var e = r.Events[^1];
        Assert.Equal((RecommendationStatus.Submitted, RecommendationEventKind.Submitted, status, "개정안 제출", "3", Staff.UserId),
            (r.Status, e.Kind, e.FromStatus, e.Text, e.Detail, e.ByUserId));
    }

    [Fact]
    public void VerifiedEndsTheFollowUpWithOrWithoutAComment()
    {
        var r = In(RecommendationStatus.Submitted);

        r.Verify("  ", Consultant, Now);

        Assert.Equal((RecommendationStatus.Verified, true, false), (r.Status, r.IsFinal, r.IsActive));
        var e = r.Events[^1];
        Assert.Equal((RecommendationEventKind.Verified, RecommendationStatus.Submitted, RecommendationStatus.Verified, (string?)null, Consultant.UserId),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text, e.ByUserId));

        var commented = In(RecommendationStatus.Submitted);
        commented.Verify(" 규정 개정 확인 ", Official, Now);
        Assert.Equal("규정 개정 확인", commented.Events[^1].Text);
    }

    [Fact]
    public void ReturnedGoesBackToInProgressWithWhatIsMissing()
    {
        var r = In(RecommendationStatus.Submitted);

        Assert.Equal("recommendation.comment-required", CodeOf(() => r.Return(" ", Consultant, Now)));
        r.Return("결재본을 첨부해 주세요", Consultant, Now);

        Assert.Equal(RecommendationStatus.InProgress, r.Status);
        var e = r.Events[^1];
        Assert.Equal((RecommendationEventKind.Returned, RecommendationStatus.Submitted, RecommendationStatus.InProgress, "결재본을 첨부해 주세요"),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text));
        r.Submit("결재본 첨부", 2, Staff, Now);
        Assert.Equal(RecommendationStatus.Submitted, r.Status);
    }

    [Theory]
    [InlineData(RecommendationStatus.Open)]
    [InlineData(RecommendationStatus.Planned)]
    [InlineData(RecommendationStatus.InProgress)]
    public void NotAdoptingIsProposedWithAReasonAndAcceptedByAnOfficial(RecommendationStatus from)
    {
        var r = In(from);

        Assert.Equal("recommendation.reason-required", CodeOf(() => r.ProposeNotAdopted("", Staff, Now)));
        r.ProposeNotAdopted(" 예산 부족 ", Staff, Now);

        Assert.Equal((RecommendationStatus.NotAdoptionProposed, "예산 부족", (RecommendationStatus?)from), (r.Status, r.NotAdoptedReason, r.StatusBeforeProposal));
        Assert.Equal((RecommendationEventKind.NotAdoptionProposed, from, RecommendationStatus.NotAdoptionProposed, "예산 부족"),
            (r.Events[^1].Kind, r.Events[^1].FromStatus, r.Events[^1].ToStatus, r.Events[^1].Text));

        r.AcceptNotAdopted(null, Official, Now);

        Assert.Equal((RecommendationStatus.NotAdopted, "예산 부족", (RecommendationStatus?)null, true), (r.Status, r.NotAdoptedReason, r.StatusBeforeProposal, r.IsFinal));
        var e = r.Events[^1];
        Assert.Equal((RecommendationEventKind.NotAdoptionAccepted, RecommendationStatus.NotAdoptionProposed, RecommendationStatus.NotAdopted, (string?)null, Official.UserId),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text, e.ByUserId));
    }

    [Theory]
    [InlineData(RecommendationStatus.Open)]
    [InlineData(RecommendationStatus.Planned)]
    [InlineData(RecommendationStatus.InProgress)]
    public void ARejectedProposalGoesBackToWhereItStood(RecommendationStatus from)
    {
        var r = In(RecommendationStatus.NotAdoptionProposed, proposedFrom: from);

        Assert.Equal("recommendation.comment-required", CodeOf(() => r.RejectNotAdopted(" ", Official, Now)));
        r.RejectNotAdopted("기관 운영에 필요함", Official, Now);

        Assert.Equal((from, (string?)null, (RecommendationStatus?)null), (r.Status, r.NotAdoptedReason, r.StatusBeforeProposal));
        var e = r.Events[^1];
        Assert.Equal((RecommendationEventKind.NotAdoptionRejected, RecommendationStatus.NotAdoptionProposed, from, "기관 운영에 필요함"),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text));
    }

    [Fact]
    public void ExtendingKeepsTheFirstDueDate()
    {
        var r = In(RecommendationStatus.InProgress);

        r.ExtendDue(Due.AddMonths(1), "담당자 교체", Official, Now);
        r.ExtendDue(Due.AddMonths(2), "예산 지연", Official, Now.AddDays(1));

        Assert.Equal((Due.AddMonths(2), (DateOnly?)Due, RecommendationStatus.InProgress), (r.DueDate, r.OriginalDueDate, r.Status));
        var e = r.Events[^1];
        Assert.Equal(
            (RecommendationEventKind.DueDateExtended, RecommendationStatus.InProgress, RecommendationStatus.InProgress, "예산 지연", (DateOnly?)Due.AddMonths(2), (DateOnly?)Due.AddMonths(1), Official.UserId),
            (e.Kind, e.FromStatus, e.ToStatus, e.Text, e.Date, e.PreviousDate, e.ByUserId));
    }

    [Fact]
    public void AnExtensionMustBeLaterAndWithinThreeYearsOfTheFirstDueDate()
    {
        var r = In(RecommendationStatus.Open);

        var same = Assert.Throws<DomainException>(() => r.ExtendDue(Due, "사유", Official, Now));
        Assert.Equal(("recommendation.extend-not-later", (object)Due), (same.Code, same.Args.Single()));
        Assert.Equal("recommendation.extend-not-later", CodeOf(() => r.ExtendDue(Due.AddDays(-1), "사유", Official, Now)));
        Assert.Equal("recommendation.reason-required", CodeOf(() => r.ExtendDue(Due.AddDays(1), " ", Official, Now)));
        var far = Assert.Throws<DomainException>(() => r.ExtendDue(Due.AddYears(3).AddDays(1), "사유", Official, Now));
        Assert.Equal(("recommendation.extend-too-far", (object)Due.AddYears(3)), (far.Code, far.Args.Single()));
        Assert.Equal((Due, (DateOnly?)null, 1), (r.DueDate, r.OriginalDueDate, r.Events.Count));

        r.ExtendDue(Due.AddYears(2), "사유", Official, Now);
        r.ExtendDue(Due.AddYears(3), "사유", Official, Now);
        Assert.Equal("recommendation.extend-too-far", CodeOf(() => r.ExtendDue(Due.AddYears(3).AddDays(1), "사유", Official, Now)));
        Assert.Equal(Due.AddYears(3), r.DueDate);
    }

    [Fact]
    public void ThePlanNeedsTextsAndADateFromTodayToTheDueDate()
    {
        var r = In(RecommendationStatus.Open);

        Assert.Equal("recommendation.plan-required", CodeOf(() => r.Plan(" ", "기획팀장", Due, Today, Staff, Now)));
        Assert.Equal("recommendation.plan-owner-required", CodeOf(() => r.Plan("지표 개정", "", Due, Today, Staff, Now)));
        Assert.Equal("recommendation.plan-past", CodeOf(() => r.Plan("지표 개정", "기획팀장", Today.AddDays(-1), Today, Staff, Now)));
        var late = Assert.Throws<DomainException>(() => r.Plan("지표 개정", "기획팀장", Due.AddDays(1), Today, Staff, Now));
        Assert.Equal(("recommendation.plan-after-due", (object)Due), (late.Code, late.Args.Single()));
        Assert.Equal((RecommendationStatus.Open, (string?)null, 1), (r.Status, r.PlanWhat, r.Events.Count));

        r.Plan("지표 개정", "기획팀장", Today, Today, Staff, Now);
        r.Plan("지표 개정", "기획팀장", Due, Today, Staff, Now);
        Assert.Equal((DateOnly?)Due, r.PlanDueDate);
    }

    [Fact]
    public void EveryTextIsRequiredWhereItIsAndRefusesMarkup()
    {
        Assert.Equal("recommendation.note-required", CodeOf(() => In(RecommendationStatus.Planned).AddProgress(" ", Staff, Now)));
        Assert.Equal("recommendation.note-required", CodeOf(() => In(RecommendationStatus.InProgress).Submit("", 1, Staff, Now)));
        const string markup = "<img src=x onerror=alert(1)>";
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Open).Plan(markup, "기획팀장", Due, Today, Staff, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Open).Plan("지표", "<b>팀장</b>", Due, Today, Staff, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Planned).AddProgress(markup, Staff, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.InProgress).Submit(markup, 1, Staff, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Open).ProposeNotAdopted(markup, Staff, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Submitted).Verify(markup, Consultant, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Submitted).Return(markup, Consultant, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.NotAdoptionProposed).AcceptNotAdopted(markup, Official, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.NotAdoptionProposed).RejectNotAdopted(markup, Official, Now)));
        Assert.Equal("common.markup", CodeOf(() => In(RecommendationStatus.Open).ExtendDue(Due.AddDays(7), markup, Official, Now)));
        Assert.Equal("common.too-long", CodeOf(() => In(RecommendationStatus.Planned).AddProgress(new string('가', Recommendation.NoteMaxLength + 1), Staff, Now)));

        // "<1단계>" is ordinary text.
        var r = In(RecommendationStatus.Planned);
        r.AddProgress("<1단계> 완료", Staff, Now);
        Assert.Equal("<1단계> 완료", r.Events[^1].Text);
    }

    [Fact]
    public void ARefusedStepLeavesNoEvent()
    {
        var r = In(RecommendationStatus.InProgress);
        var before = r.Events.Select(e => e.Id).ToList();

        Assert.Throws<DomainException>(() => r.Submit("제출", 0, Staff, Now));
        Assert.Throws<DomainException>(() => r.Verify(null, Consultant, Now));
        Assert.Throws<DomainException>(() => r.ExtendDue(Due, "사유", Official, Now));
        Assert.Throws<DomainException>(() => r.Plan("", "팀장", Due, Today, Staff, Now));

        Assert.Equal(before, r.Events.Select(e => e.Id));
    }

    [Fact]
    public void OverdueOnlyWhileTheAgencyStillOwesWork()
    {
        var after = Due.AddDays(1);

        Assert.False(In(RecommendationStatus.Open).IsOverdueOn(Due));
        Assert.True(In(RecommendationStatus.Open).IsOverdueOn(after));
        Assert.True(In(RecommendationStatus.Planned).IsOverdueOn(after));
        Assert.True(In(RecommendationStatus.InProgress).IsOverdueOn(after));
        Assert.False(In(RecommendationStatus.Submitted).IsOverdueOn(after));
        Assert.False(In(RecommendationStatus.Verified).IsOverdueOn(after));
        Assert.False(In(RecommendationStatus.NotAdoptionProposed).IsOverdueOn(after));
        Assert.False(In(RecommendationStatus.NotAdopted).IsOverdueOn(after));
    }
}
