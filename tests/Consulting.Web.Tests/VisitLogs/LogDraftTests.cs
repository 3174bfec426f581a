using Consulting.Domain.VisitLogs;
using Consulting.Web.Features.VisitLogs;

namespace Consulting.Web.Tests.VisitLogs;

/// <summary>The editor's form state: Seoul times in, UTC out; blank rows left out; the device's copy compared and restored.</summary>
public class LogDraftTests
{
    private static LogDraft Draft() => LogDraft.From(VisitLogDisplayTests.Log(VisitLogStatus.Draft, null));

    [Fact]
    public void StartsFromThePlannedTimeInSeoulAndSavesItAsUtc()
    {
        var draft = Draft();
        draft.End = "11:30";

        var content = draft.ToContent();

        Assert.Equal(("2025-06-09", "10:00"), (draft.Date, draft.Start));
        Assert.Equal(new DateTime(2025, 6, 9, 1, 0, 0, DateTimeKind.Utc), content.ActualStartsAtUtc);
        Assert.Equal(new DateTime(2025, 6, 9, 2, 30, 0, DateTimeKind.Utc), content.ActualEndsAtUtc);
    }

    [Fact]
    public void AnIncompleteTimeIsSavedAsNone()
    {
        var draft = Draft();
        draft.Start = "";

        Assert.Null(draft.ToContent().ActualStartsAtUtc);
        Assert.Null(draft.ToContent().ActualEndsAtUtc);
    }

    [Fact]
    public void LeavesOutBlankRowsAndKeepsTheIdsOfNextSteps()
    {
        var draft = Draft();
        draft.AddAttendee();
        draft.AddAttendee();
        draft.Attendees[1].Name = "김담당";
        draft.AddNextStep();
        draft.AddNextStep();
        draft.NextSteps[0].Text = "지표 정의서 보완";
        draft.AreaTopics[1] = true;
        draft.FreeTopics.Add("후원 개발");

        var content = draft.ToContent();

        var attendee = Assert.Single(content.Attendees);
        Assert.Equal(("김담당", (string?)null, AttendeeKind.AgencyStaff), (attendee.Name, attendee.Position, attendee.Kind));
        var step = Assert.Single(content.NextSteps);
        Assert.Equal(draft.NextSteps[0].Id, step.Id);
        Assert.NotEqual(Guid.Empty, step.Id);
        Assert.Equal(["사업계획", "후원 개발"], content.Topics);
    }

    [Fact]
    public void TheDevicesCopyDiffersOnlyWhenItSaysSomethingElse()
    {
        var draft = Draft();
        var same = draft.ToFields();

        Assert.False(draft.DiffersFrom(same));
        Assert.False(draft.DiffersFrom(new Dictionary<string, string> { ["attendee.0.name"] = "" }));
        Assert.True(draft.DiffersFrom(new Dictionary<string, string>(same) { ["section.findings"] = "연결이 끊긴 뒤 쓴 내용" }));
        Assert.True(draft.DiffersFrom(new Dictionary<string, string> { ["next.0"] = "새 후속 조치" }));
    }

    [Fact]
    public void RestoringTheDevicesCopyBringsBackTextsTimesTicksAndRows()
    {
        var draft = Draft();

        draft.Apply(new Dictionary<string, string>
        {
            ["section.findings"] = "연결이 끊긴 뒤 쓴 내용",
            ["section.unknown"] = "무시",
            ["note"] = "메모",
            ["end"] = "12:30",
            ["topic.0"] = "true",
            ["attendee.1.name"] = "이참석",
            ["attendee.1.kind"] = "Other",
            ["next.0"] = "후속",
        });

        Assert.Equal("연결이 끊긴 뒤 쓴 내용", draft.Sections["findings"]);
        Assert.DoesNotContain("unknown", draft.Sections.Keys);
        Assert.Equal(("메모", "12:30"), (draft.Note, draft.End));
        Assert.True(draft.AreaTopics[0]);
        Assert.Equal(2, draft.Attendees.Count);
        Assert.Equal(("이참석", AttendeeKind.Other), (draft.Attendees[1].Name, draft.Attendees[1].Kind));
        Assert.Equal("후속", Assert.Single(draft.NextSteps).Text);
    }
}
