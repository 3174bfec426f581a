using Consulting.Domain.Common;
using Consulting.Domain.Visits;
using Consulting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Consulting.Domain.Tests.Visits.DemoSchedule;

namespace Consulting.Domain.Tests.Visits;

/// <summary>
/// The race the services' checks cannot see: two transactions booking the same consultant (or agency) at the same
/// time for different engagements. The exclusion constraints let exactly one through. Each race is made deterministic
/// by holding the first transaction open until the second is seen waiting on it.
/// </summary>
public class ClashConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);
    private readonly FixedClock _clock = FixedClock.At(new DateOnly(2025, 5, 26));
    private DemoSchedule _demo = null!;

    public async Task InitializeAsync() => _demo = await StartAsync(database, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OfTwoTransactionsBookingOneConsultantAtOnceOnlyTheFirstToCommitSucceeds()
    {
        // 강하늘 at 햇살나무 and 푸른둥지 (조직 관리), 10 June 10–12 and 11–13
        var june10 = new DateOnly(2025, 6, 10);
        var kang = _demo.Consultants["강하늘"];
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        await InsertVisitAsync(first, Haetsal, Organisation, kang, Utc(june10, 10), Utc(june10, 12));
        var blocked = InsertVisitAsync(second, Pureun, Organisation, kang, Utc(june10, 11), Utc(june10, 13));
        await WaitUntilWaitingAsync(second.ProcessID);
        Assert.False(blocked.IsCompleted);
        await firstTransaction.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => blocked);
        Assert.Equal((PostgresErrorCodes.ExclusionViolation, VisitService.ConsultantOverlapConstraint), (error.SqlState, error.ConstraintName));
        await secondTransaction.RollbackAsync();
        Assert.Equal((1, 0), (await _demo.VisitCountAsync(await _demo.EngagementAsync(Haetsal, Organisation)), await _demo.VisitCountAsync(await _demo.EngagementAsync(Pureun, Organisation))));
    }

    [Fact]
    public async Task WhenTheFirstTransactionRollsBackTheSecondBookingGoesThrough()
    {
        // 문바다 at 햇살나무 and 푸른둥지 (사례 관리), 17 June
        var june17 = new DateOnly(2025, 6, 17);
        var moon = _demo.Consultants["문바다"];
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        await InsertVisitAsync(first, Haetsal, CaseManagement, moon, Utc(june17, 10), Utc(june17, 12));
        var waiting = InsertVisitAsync(second, Pureun, CaseManagement, moon, Utc(june17, 10), Utc(june17, 12));
        await WaitUntilWaitingAsync(second.ProcessID);
        await firstTransaction.RollbackAsync();
        await waiting;
        await secondTransaction.CommitAsync();

        Assert.Equal(0, await _demo.VisitCountAsync(await _demo.EngagementAsync(Haetsal, CaseManagement)));
        Assert.Equal(1, await _demo.VisitCountAsync(await _demo.EngagementAsync(Pureun, CaseManagement)));
    }

    [Fact]
    public async Task OfTwoTransactionsBookingOneAgencyAtOnceOnlyTheFirstToCommitSucceeds()
    {
        // 온새미: 조직 관리 (오누리) and 사업 기획·평가 (임채원), 24 June 10–12 and 11–13
        var june24 = new DateOnly(2025, 6, 24);
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var firstTransaction = await first.BeginTransactionAsync();
        await using var secondTransaction = await second.BeginTransactionAsync();

        await InsertVisitAsync(first, Onsaemi, Organisation, _demo.Consultants["오누리"], Utc(june24, 10), Utc(june24, 12));
        var blocked = InsertVisitAsync(second, Onsaemi, Planning, _demo.Consultants["임채원"], Utc(june24, 11), Utc(june24, 13));
        await WaitUntilWaitingAsync(second.ProcessID);
        Assert.False(blocked.IsCompleted);
        await firstTransaction.CommitAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => blocked);
        Assert.Equal((PostgresErrorCodes.ExclusionViolation, VisitService.AgencyOverlapConstraint), (error.SqlState, error.ConstraintName));
    }

    [Fact]
    public async Task TheServiceSaysSoWhenTheDatabaseCatchesAConsultantClashItsCheckCouldNotSee()
    {
        // 강하늘: another transaction holds 해솔 조직 관리 on 1 July 10–12 while the official books 별마루 조직 관리 at 11–13
        var july1 = new DateOnly(2025, 7, 1);
        var kang = _demo.Consultants["강하늘"];
        var engagement = await _demo.AssignAsync(Byeolmaru, Organisation, "강하늘");
        await using var other = await OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await InsertVisitAsync(other, Haesol, Organisation, kang, Utc(july1, 10), Utc(july1, 12));

        var scheduling = _demo.Visits(_demo.Official).ScheduleAsync(engagement, 1, At(july1, 11), SetUpReason);
        await WaitUntilSomeoneWaitsAsync();
        await otherTransaction.CommitAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => scheduling);
        Assert.Equal("visit.consultant-clash-saved", error.Code);
        Assert.Equal(0, await _demo.VisitCountAsync(engagement));
    }

    [Fact]
    public async Task TheServiceSaysSoWhenTheDatabaseCatchesAnAgencyClashItsCheckCouldNotSee()
    {
        // 가온: another transaction holds 조직 관리 (오누리) on 8 July 10–12 while the official books 사업 기획·평가 (임채원) at 11–13
        var july8 = new DateOnly(2025, 7, 8);
        var engagement = await _demo.AssignAsync(Gaon, Planning, "임채원");
        await using var other = await OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await InsertVisitAsync(other, Gaon, Organisation, _demo.Consultants["오누리"], Utc(july8, 10), Utc(july8, 12));

        var scheduling = _demo.Visits(_demo.Official).ScheduleAsync(engagement, 1, At(july8, 11), SetUpReason);
        await WaitUntilSomeoneWaitsAsync();
        await otherTransaction.CommitAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => scheduling);
        Assert.Equal("visit.agency-clash-saved", error.Code);
        Assert.Equal(0, await _demo.VisitCountAsync(engagement));
    }

    [Fact]
    public async Task TwoOfficialsSchedulingOneConsultantAtTheSameMomentGetOneVisit()
    {
        // 강하늘 at 무지개다리 조직 관리 and 가온 사례 관리, both 15 July 10–12, started together
        var july15 = new DateOnly(2025, 7, 15);
        var engagements = new[]
        {
            await _demo.AssignAsync(Mujigae, Organisation, "강하늘"),
            await _demo.AssignAsync(Gaon, CaseManagement, "강하늘"),
        };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = engagements.Select(id => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                return (Outcome: await _demo.Visits(_demo.Official).ScheduleAsync(id, 1, At(july15, 10), SetUpReason), Error: (DomainException?)null);
            }
            catch (DomainException ex)
            {
                return (Outcome: (ScheduleOutcome?)null, Error: ex);
            }
        })).ToList();

        go.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Outcome is { Saved: true });
        var refused = Assert.Single(results, r => r.Error is not null).Error!;
        Assert.StartsWith("visit.consultant-clash", refused.Code, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Visits.CountAsync(v => engagements.Contains(v.EngagementId)));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Inserts visit 1 of the engagement as raw SQL on <paramref name="connection"/> (inside its open transaction).</summary>
    private async Task InsertVisitAsync(NpgsqlConnection connection, string agency, string areaCode, Guid consultantId, DateTime startsAtUtc, DateTime endsAtUtc)
    {
        var engagementId = await _demo.EngagementAsync(agency, areaCode);
        Guid areaId;
        await using (var db = database.CreateContext())
        {
            areaId = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.AreaId).SingleAsync();
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO visits (id, engagement_id, program_id, agency_id, area_id, consultant_id, number, starts_at_utc, ends_at_utc,
                                mode, status, sequence, created_at_utc, updated_at_utc)
            VALUES (@id, @engagement, @program, @agency, @area, @consultant, 1, @start, @end, 'OnSite', 'Planned', 1, now(), now())
            """,
            connection);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("engagement", engagementId);
        insert.Parameters.AddWithValue("program", _demo.ProgramId);
        insert.Parameters.AddWithValue("agency", _demo.Agencies[agency]);
        insert.Parameters.AddWithValue("area", areaId);
        insert.Parameters.AddWithValue("consultant", consultantId);
        insert.Parameters.AddWithValue("start", startsAtUtc);
        insert.Parameters.AddWithValue("end", endsAtUtc);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Returns once the backend <paramref name="pid"/> waits on a lock (the other transaction's row).</summary>
    private Task WaitUntilWaitingAsync(int pid) =>
        PollAsync("SELECT count(*) FROM pg_stat_activity WHERE pid = @pid AND wait_event_type = 'Lock'", pid);

    /// <summary>Returns once any backend of this test's database waits on a lock.</summary>
    private Task WaitUntilSomeoneWaitsAsync() =>
        PollAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> @pid", null);

    private async Task PollAsync(string sql, int? pid)
    {
        await using var watcher = await OpenAsync();
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            await using var query = new NpgsqlCommand(sql, watcher);
            query.Parameters.AddWithValue("pid", pid ?? watcher.ProcessID);
            if ((long)(await query.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The second transaction never waited on the first.");
            }

            await Task.Delay(20);
        }
    }
}
