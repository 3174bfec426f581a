using Consulting.Domain.Assessments;
using Consulting.Domain.Common;
using Consulting.Domain.Engagements;
using Consulting.Domain.Programs;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Tests.Assessments;

/// <summary>The results year (<see cref="ResultsScenario"/>) built once per class on its own database.</summary>
public sealed class ResultsFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private ResultsScenario? _scenario;

    public ResultsScenario Scenario => _scenario ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _scenario = await ResultsScenario.BuildAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

/// <summary>
/// The assessment service against PostgreSQL on the results year: who sees and fills what, the whole before → visits →
/// after → rating flow on an engagement of its own, stale and double saves, locked checklists, and the comparison's
/// numbers against the scenario's arrays. Each test that writes takes an engagement nobody has assessed yet.
/// </summary>
public class AssessmentServiceTests(ResultsFixture fixture) : IClassFixture<ResultsFixture>
{
    private readonly ResultsScenario _s = fixture.Scenario;

    private AssessmentService As(ICurrentUser user, TimeProvider? clock = null) => new(_s.Database.CreateFactory(), user, clock ?? _s.Clock);

    private static ItemScore[] Scores(EngagementAssessments view, params int?[] scores) =>
        [.. view.Indicators.Select((indicator, i) => new ItemScore(indicator.Code, scores[i % scores.Length], i == 0 ? "첫 지표 의견" : null))];

    private static async Task<string> CodeOfAsync(Func<Task> action) => (await Assert.ThrowsAsync<DomainException>(action)).Code;

    /// <summary>An engagement of the programme, outside 해솔 and 햇살나무, with no consultant and no assessment yet, and its agency's staff.</summary>
    private async Task<(Guid EngagementId, Guid AgencyId, TestUser Staff)> FreshAsync(string? areaCode = null)
    {
        await using var db = _s.Database.CreateContext();
        var row = await (
                from e in db.Engagements
                join area in db.ProgramAreas on e.AreaId equals area.Id
                where e.ProgramId == _s.ProgramId && e.ConsultantId == null && (areaCode == null || area.Code == areaCode)
                      && !db.Assessments.Any(a => a.EngagementId == e.Id)
                      && e.AgencyId != _s.HaesolId && e.AgencyId != _s.HaetsalId
                orderby e.Id
                select new { e.Id, e.AgencyId })
            .FirstAsync();
        return (row.Id, row.AgencyId, TestUser.StaffOf(row.AgencyId));
    }

    [Fact]
    public async Task TheEngagementsPeopleSeeItAndOthersSeeNothing()
    {
        var id = _s.HaesolEngagementId;

        Assert.NotNull(await As(_s.Official).ForEngagementAsync(id));
        Assert.NotNull(await As(_s.Consultant).ForEngagementAsync(id));
        Assert.NotNull(await As(_s.HaesolStaff).ForEngagementAsync(id));
        Assert.Null(await As(_s.HaetsalStaff).ForEngagementAsync(id));
        Assert.Null(await As(TestUser.Consultant()).ForEngagementAsync(id));
        Assert.Null(await As(TestUser.Anonymous).ForEngagementAsync(id));
        Assert.Null(await As(_s.Official).ForEngagementAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.HaetsalStaff).RateAsync(id, AssessmentPhase.After, [], 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(TestUser.Consultant()).RateAsync(id, AssessmentPhase.After, [], 1));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.HaetsalStaff).SaveDraftAsync(id, AssessmentPhase.After, [], null));
    }

    [Fact]
    public async Task EachRoleMayDoItsOwnPart()
    {
        var agency = (await As(_s.HaesolStaff).ForEngagementAsync(_s.HaesolEngagementId))!;
        var consultant = (await As(_s.Consultant).ForEngagementAsync(_s.HaesolEngagementId))!;
        var official = (await As(_s.Official).ForEngagementAsync(_s.HaesolEngagementId))!;

        Assert.Equal([AssessmentPhase.Before, AssessmentPhase.After], agency.Phases.Select(p => p.Phase));
        Assert.All(agency.Phases, p => Assert.True(p.IsSubmitted));
        // Both handed in: the agency has nothing to fill; the consultant (and officials) may rate.
        Assert.All(agency.Phases, p => Assert.False(p.CanFill || p.CanRate));
        Assert.All(consultant.Phases, p => Assert.True(p.CanRate && !p.CanFill));
        Assert.All(official.Phases, p => Assert.True(p.CanRate));
        Assert.Equal((3, 3, ResultsScenario.Haesol), (agency.PlannedVisits, agency.CompletedVisits, agency.AgencyName));
        Assert.False(agency.Phase(AssessmentPhase.Before)!.Open);
        Assert.True(agency.Phase(AssessmentPhase.After)!.Open);
    }

    [Fact]
    public async Task TheComparisonEqualsTheScenariosScores()
    {
        var view = (await As(_s.HaesolStaff).ForEngagementAsync(_s.HaesolEngagementId))!;
        var c = view.Comparison!;

        Assert.Equal(view.Indicators.Select(i => i.Code), c.Rows.Select(r => r.Code));
        Assert.Equal(ResultsScenario.HaesolBefore.Select(s => (int?)s), c.Rows.Select(r => r.Before));
        Assert.Equal(ResultsScenario.HaesolAfter.Select(s => (int?)s), c.Rows.Select(r => r.After));
        Assert.Equal(ResultsScenario.HaesolAfterRating.Select(s => (int?)s), c.Rows.Select(r => r.AfterRating));
        Assert.All(c.Rows, r => Assert.Null(r.BeforeRating));
        Assert.Equal(ResultsScenario.HaesolBefore.Zip(ResultsScenario.HaesolAfter, (b, a) => (decimal?)(a - b)), c.Rows.Select(r => r.Change));
        // [2,2,3,2] → 2.25, [4,3,4,4] → 3.75, ratings [3,3,4,3] → 3.25.
        Assert.Equal((2.25m, 3.75m, 1.50m), (c.BeforeMean, c.AfterMean, c.Change));
        Assert.Equal(3.25m, c.AfterRatingMean);
        Assert.Null(c.BeforeRatingMean);

        var haetsal = (await As(_s.HaetsalStaff).ForEngagementAsync(_s.HaetsalEngagementId))!.Comparison!;
        Assert.Equal((2.75m, 3.50m, 0.75m), (haetsal.BeforeMean, haetsal.AfterMean, haetsal.Change));
        Assert.All(haetsal.Rows, r => Assert.Null(r.AfterRating));
    }

    [Fact]
    public async Task BeforeThenVisitsThenAfterThenTheConsultantsRating()
    {
        var (engagementId, _, staff) = await FreshAsync(ResultsScenario.Organisation);
        var clock = FixedClock.At(ResultsScenario.Today);
        await using (var db = _s.Database.CreateContext())
        {
            var version = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Version).SingleAsync();
            await new AssignmentService(_s.Database.CreateFactory(), _s.Official, clock).AssignAsync(engagementId, _s.ConsultantId, null, version);
        }

        var agency = As(staff, clock);
        var view = (await agency.ForEngagementAsync(engagementId))!;
        Assert.Null(view.Comparison);
        Assert.True(view.Phase(AssessmentPhase.Before)!.CanFill);
        Assert.False(view.Phase(AssessmentPhase.After)!.CanFill);

        // A draft keeps what is typed, with gaps; handing in needs every score.
        var v1 = await agency.SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 1, null), null);
        var draft = (await agency.ForEngagementAsync(engagementId))!.Phase(AssessmentPhase.Before)!.Assessment!;
        Assert.Equal((AssessmentStatus.Draft, v1), (draft.Status, draft.Version));
        Assert.Equal([1, null, 1, null], draft.Items.Select(i => i.Score));
        Assert.Equal("첫 지표 의견", draft.Items[0].Comment);
        Assert.Equal("assessment.unscored", await CodeOfAsync(() => agency.SubmitAsync(engagementId, AssessmentPhase.Before, Scores(view, 1, null), v1)));
        Assert.Equal("assessment.after-not-yet", await CodeOfAsync(() => agency.SaveDraftAsync(engagementId, AssessmentPhase.After, Scores(view, 3), null)));
        await agency.SubmitAsync(engagementId, AssessmentPhase.Before, Scores(view, 2), v1);
        view = (await agency.ForEngagementAsync(engagementId))!;
        Assert.True(view.Phase(AssessmentPhase.Before)!.IsSubmitted);
        Assert.False(view.Phase(AssessmentPhase.Before)!.CanFill);
        Assert.Equal(2m, view.Comparison!.BeforeMean);
        Assert.Null(view.Comparison.AfterMean);

        // Three visits held.
        var visits = new VisitService(_s.Database.CreateFactory(), _s.Official, clock, new VisitInputValidator(), TestNotifier.For(clock));
        var ids = new List<Guid>();
        DateOnly[] days = [new(2025, 7, 22), new(2025, 7, 29), new(2025, 8, 12)];
        for (var i = 0; i < days.Length; i++)
        {
            var outcome = await visits.ScheduleAsync(
                engagementId, i + 1, new VisitInput(days[i], new TimeOnly(10, 0), new TimeOnly(12, 0), VisitMode.OnSite, "회의실"), null);
            Assert.True(outcome.Saved, string.Join(", ", outcome.Warnings.Select(w => w.Code)));
            ids.Add(outcome.VisitId!.Value);
        }

        clock.Now = FixedClock.At(new DateOnly(2025, 8, 13)).Now;
        foreach (var id in ids.Take(2))
        {
            await visits.CompleteAsync(id, (await visits.GetAsync(id))!.Version);
        }

        view = (await agency.ForEngagementAsync(engagementId))!;
        Assert.False(view.Phase(AssessmentPhase.After)!.Open);
        Assert.Equal("assessment.after-not-yet", await CodeOfAsync(() => agency.SubmitAsync(engagementId, AssessmentPhase.After, Scores(view, 4), null)));
        await visits.CompleteAsync(ids[2], (await visits.GetAsync(ids[2]))!.Version);

        view = (await agency.ForEngagementAsync(engagementId))!;
        Assert.True(view.Phase(AssessmentPhase.After)!.CanFill);
        Assert.False(view.Phase(AssessmentPhase.After)!.CanRate);
        await agency.SubmitAsync(engagementId, AssessmentPhase.After, Scores(view, 4, 3), null);

        var consultant = As(_s.Consultant, clock);
        var asConsultant = (await consultant.ForEngagementAsync(engagementId))!;
        var after = asConsultant.Phase(AssessmentPhase.After)!;
        Assert.True(after.CanRate);
        await consultant.RateAsync(engagementId, AssessmentPhase.After, Scores(view, 3), after.Assessment!.Version);

        var final = (await agency.ForEngagementAsync(engagementId))!;
        var c = final.Comparison!;
        Assert.Equal([4, 3, 4, 3], c.Rows.Select(r => r.After));
        Assert.Equal([2m, 1m, 2m, 1m], c.Rows.Select(r => r.Change));
        Assert.Equal((2m, 3.5m, 1.5m, 3m), (c.BeforeMean!.Value, c.AfterMean!.Value, c.Change!.Value, c.AfterRatingMean!.Value));
        Assert.NotNull(final.Phase(AssessmentPhase.After)!.Assessment!.RatedAtUtc);
        // Handed in: the agency cannot change it any more.
        Assert.Equal("assessment.submitted", await CodeOfAsync(() =>
            agency.SaveDraftAsync(engagementId, AssessmentPhase.After, Scores(view, 5), final.Phase(AssessmentPhase.After)!.Assessment!.Version)));
    }

    [Fact]
    public async Task AStaleSaveIsRefusedAndKeepsNothing()
    {
        var (engagementId, _, staff) = await FreshAsync();
        var agency = As(staff);
        var view = (await agency.ForEngagementAsync(engagementId))!;
        var v1 = await agency.SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 1), null);
        var v2 = await agency.SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 2), v1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => agency.SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 5), v1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => agency.SubmitAsync(engagementId, AssessmentPhase.Before, Scores(view, 5), v1));
        // Starting again over an existing one is stale too.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => agency.SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 5), null));

        var saved = (await agency.ForEngagementAsync(engagementId))!.Phase(AssessmentPhase.Before)!.Assessment!;
        Assert.Equal((AssessmentStatus.Draft, v2), (saved.Status, saved.Version));
        Assert.All(saved.Items, i => Assert.Equal(2, i.Score));
    }

    [Fact]
    public async Task TwoStartingAtOnceMakeOneAssessmentAndAConflict()
    {
        var (engagementId, _, staff) = await FreshAsync();
        var view = (await As(staff).ForEngagementAsync(engagementId))!;

        var attempts = await Task.WhenAll(Enumerable.Range(1, 2).Select(async n =>
        {
            try
            {
                await As(staff).SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, n), null);
                return "saved";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "saved"], attempts.Order());
        await using var db = _s.Database.CreateContext();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.EngagementId == engagementId));
    }

    [Fact]
    public async Task WhoFillsAndWhoRates()
    {
        var (engagementId, _, staff) = await FreshAsync();
        var view = (await As(staff).ForEngagementAsync(engagementId))!;

        // Officials see every engagement but the agency fills its own before/after.
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Official).SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 3), null));
        Assert.Equal("assessment.wrong-phase", await CodeOfAsync(() => As(staff).SaveDraftAsync(engagementId, AssessmentPhase.Round, Scores(view, 3), null)));
        var version = await As(staff).SubmitAsync(engagementId, AssessmentPhase.Before, Scores(view, 3), null);
        // The agency does not rate; the consultant rates only a handed-in one.
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(staff).RateAsync(engagementId, AssessmentPhase.Before, Scores(view, 3), version));
        Assert.Equal("assessment.rate-after-submit", await CodeOfAsync(() => As(_s.Official).RateAsync(engagementId, AssessmentPhase.After, Scores(view, 3), version)));
        await As(_s.Official).RateAsync(engagementId, AssessmentPhase.Before, Scores(view, 4), version);
        var rated = (await As(staff).ForEngagementAsync(engagementId))!.Comparison!;
        Assert.Equal(4m, rated.BeforeRatingMean);
    }

    [Fact]
    public async Task AMonitoringRoundIsScoredByTheMonitorNotTheTeamAndNotRated()
    {
        Guid engagementId, teamId;
        await using (var db = _s.Database.CreateContext())
        {
            var row = await (
                    from e in db.Engagements
                    join p in db.Programs on e.ProgramId equals p.Id
                    where p.Name == Consulting.Domain.Data.DemoData.MonitoringProgramName && !db.Assessments.Any(a => a.EngagementId == e.Id)
                    orderby e.Id
                    select new { e.Id, e.AgencyId })
                .FirstAsync();
            (engagementId, teamId) = (row.Id, row.AgencyId);
        }

        var team = TestUser.StaffOf(teamId);
        var view = (await As(team).ForEngagementAsync(engagementId))!;
        Assert.Equal(ProgramKind.Monitoring, view.Kind);
        Assert.Equal([AssessmentPhase.Round], view.Phases.Select(p => p.Phase));
        Assert.False(view.Phases[0].CanFill);
        Assert.True((await As(_s.Official).ForEngagementAsync(engagementId))!.Phases[0].CanFill);
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(team).SaveDraftAsync(engagementId, AssessmentPhase.Round, Scores(view, 3), null));
        Assert.Equal("assessment.wrong-phase", await CodeOfAsync(() => As(_s.Official).SaveDraftAsync(engagementId, AssessmentPhase.Before, Scores(view, 3), null)));

        var version = await As(_s.Official).SubmitAsync(engagementId, AssessmentPhase.Round, Scores(view, 3), null);

        var scored = (await As(team).ForEngagementAsync(engagementId))!;
        Assert.Null(scored.Comparison);
        Assert.Equal(3m, scored.Phases[0].Assessment!.Score);
        Assert.False(scored.Phases[0].CanRate);
        Assert.Equal("assessment.round-not-rated", await CodeOfAsync(() => As(_s.Official).RateAsync(engagementId, AssessmentPhase.Round, Scores(view, 3), version)));
    }

    [Fact]
    public async Task ChecklistsAreForOfficialsAndLockOnceAnAreaIsAssessed()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Consultant).ChecklistsAsync(_s.ProgramId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.HaesolStaff).ChecklistsAsync(_s.ProgramId));
        Assert.Null(await As(_s.Official).ChecklistsAsync(Guid.NewGuid()));

        var view = (await As(_s.Official).ChecklistsAsync(_s.ProgramId))!;
        var organisation = view.Areas.Single(a => a.AreaCode == ResultsScenario.Organisation);
        Assert.True(organisation.Locked);
        Assert.Equal(DefaultIndicators.For(ResultsScenario.Organisation).Select(i => i.Code), organisation.Indicators.Select(i => i.Code));
        Assert.Equal("checklist.locked", await CodeOfAsync(() =>
            As(_s.Official).SaveChecklistAsync(_s.ProgramId, organisation.AreaId, organisation.Indicators.Take(2).ToList(), organisation.Version)));

        var open = view.Areas.First(a => !a.Locked && a.AreaCode != ResultsScenario.Organisation);
        Indicator[] edited = [.. open.Indicators.Skip(1), new Indicator("new-one", " 새 지표 ", "", ["하", "중하", "중", "중상", "상"])];
        var version = await As(_s.Official).SaveChecklistAsync(_s.ProgramId, open.AreaId, edited, open.Version);
        Assert.NotEqual(open.Version, version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            As(_s.Official).SaveChecklistAsync(_s.ProgramId, open.AreaId, open.Indicators, open.Version));
        var invalid = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            As(_s.Official).SaveChecklistAsync(_s.ProgramId, open.AreaId, [new Indicator("x", " ", "", ["1", "2", "", "4", "5"])], version));
        Assert.Equal(
            [("Indicators[0].TextKo", "checklist.text-required"), ("Indicators[0].Levels[2]", "checklist.levels")],
            invalid.Errors.Select(e => (e.PropertyName, e.ErrorCode)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Consultant).SaveChecklistAsync(_s.ProgramId, open.AreaId, edited, version));

        var saved = (await As(_s.Official).ChecklistsAsync(_s.ProgramId))!.Areas.Single(a => a.AreaId == open.AreaId);
        Assert.Equal(edited.Select(i => i.Code), saved.Indicators.Select(i => i.Code));
        Assert.Equal(("새 지표", "새 지표"), (saved.Indicators[^1].TextKo, saved.Indicators[^1].TextEn));
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task TheAgencysListShowsWhereEachEngagementStands()
    {
        var rows = await As(_s.HaesolStaff).MyAgencyAsync();
        var haesol = rows.Single(r => r.EngagementId == _s.HaesolEngagementId);
        Assert.Equal((PhaseState.Submitted, PhaseState.Submitted, SurveyState.Answered, 0), (haesol.Before, haesol.After, haesol.Survey, haesol.Waiting));
        Assert.Equal(("윤슬기", 3, 3), (haesol.ConsultantName, haesol.CompletedVisits, haesol.PlannedVisits));
        Assert.DoesNotContain(rows, r => r.EngagementId == _s.HaetsalEngagementId);
        // 해솔's other areas: no consultant, no visit yet — the before-assessment is open, the survey is not.
        var other = rows.Where(r => r.EngagementId != _s.HaesolEngagementId && r.ProgramId == _s.ProgramId).ToList();
        Assert.NotEmpty(other);
        Assert.All(other, r => Assert.Equal((PhaseState.Open, PhaseState.NotOpen, SurveyState.NotOpen), (r.Before!.Value, r.After!.Value, r.Survey)));

        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Official).MyAgencyAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => As(_s.Consultant).MyAgencyAsync());
    }
}

/// <summary>Once the programme is closed its assessments and checklists are read-only, yet still shown.</summary>
public class AssessmentClosedProgrammeTests(ResultsFixture fixture) : IClassFixture<ResultsFixture>
{
    private readonly ResultsScenario _s = fixture.Scenario;

    private AssessmentService As(ICurrentUser user) => new(_s.Database.CreateFactory(), user, _s.Clock);

    [Fact]
    public async Task AClosedProgrammeRefusesEveryChange()
    {
        await using (var db = _s.Database.CreateContext())
        {
            var program = await db.Programs.SingleAsync(p => p.Id == _s.ProgramId);
            if (!program.IsClosed)
            {
                program.Close();
                await db.SaveChangesAsync();
            }
        }

        var view = (await As(_s.Consultant).ForEngagementAsync(_s.HaetsalEngagementId))!;
        Assert.True(view.ProgramClosed);
        Assert.All(view.Phases, p => Assert.False(p.CanFill || p.CanRate));
        var after = view.Phase(AssessmentPhase.After)!.Assessment!;
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            As(_s.Consultant).RateAsync(_s.HaetsalEngagementId, AssessmentPhase.After, [new ItemScore(after.Items[0].Code, 3)], after.Version));
        Assert.Equal("program.closed", error.Code);

        var checklists = (await As(_s.Official).ChecklistsAsync(_s.ProgramId))!;
        Assert.True(checklists.ProgramClosed);
        var area = checklists.Areas.First(a => !a.Locked);
        Assert.Equal("program.closed", (await Assert.ThrowsAsync<DomainException>(() =>
            As(_s.Official).SaveChecklistAsync(_s.ProgramId, area.AreaId, area.Indicators, area.Version))).Code);

        // The agency still lists the closed programme's engagements; nothing waits there any more.
        var rows = (await As(_s.HaetsalStaff).MyAgencyAsync()).Where(r => r.ProgramId == _s.ProgramId).ToList();
        Assert.Contains(rows, r => r.EngagementId == _s.HaetsalEngagementId && r.ProgramClosed);
        Assert.All(rows, r => Assert.Equal(0, r.Waiting));
        Assert.All(rows.Where(r => r.EngagementId != _s.HaetsalEngagementId), r => Assert.Equal(PhaseState.Missed, r.Before));
    }
}
