using Consulting.Domain.Agencies;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Domain.Tests.Identity;

/// <summary>Accounts through Identity's real user store on PostgreSQL, with the app's password and lockout rules.</summary>
public class UserAccountServiceTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string ListPrefix = "목록사용자";
    private ServiceProvider? _provider;
    private Guid _agencyId;
    private Guid _inactiveAgencyId;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<ConsultingDbContext>(o => o.UseConsultingDatabase(database.ConnectionString));
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConsultingDbContext>();
        _provider = services.BuildServiceProvider();

        await using var db = database.CreateContext();
        var agencies = await db.Agencies.Where(a => a.District == "계정시험구").ToListAsync();
        if (agencies.Count == 0)
        {
            var inactive = new Agency("문 닫은 복지관", AgencyTypeCodes.CommunityWelfareCenter, "계정시험구");
            inactive.Deactivate();
            agencies = [new Agency("계정 복지관", AgencyTypeCodes.CommunityWelfareCenter, "계정시험구"), inactive];
            db.Agencies.AddRange(agencies);
            await db.SaveChangesAsync();

            // Seven listed accounts: 목록사용자1..7, officials and agency staff alternating, number 7 deactivated.
            var service = ServiceFor(TestUser.Official());
            for (var i = 1; i <= 7; i++)
            {
                var created = await service.CreateAsync(new NewUserInput
                {
                    Email = $"list{i}@accounts.test",
                    DisplayName = $"{ListPrefix}{i}",
                    Role = i % 2 == 0 ? Roles.Official : Roles.AgencyStaff,
                    AgencyId = i % 2 == 0 ? null : agencies[0].Id,
                });
                if (i == 7)
                {
                    await service.DeactivateAsync(created.Id, (await service.GetAsync(created.Id))!.ConcurrencyStamp);
                }
            }
        }

        _agencyId = agencies.Single(a => a.IsActive).Id;
        _inactiveAgencyId = agencies.Single(a => !a.IsActive).Id;
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private UserAccountService ServiceFor(ICurrentUser user) => new(
        _provider!.GetRequiredService<IServiceScopeFactory>(),
        database.CreateFactory(),
        user,
        _provider!.GetRequiredService<IOptions<IdentityOptions>>(),
        new UserListQueryValidator(),
        new NewUserInputValidator(),
        new PasswordChangeInputValidator());

    private NewUserInput StaffInput(string? email = null) => StaffOf(_agencyId, email);

    private static NewUserInput StaffOf(Guid? agencyId, string? email = null) => new()
    {
        Email = email ?? $"staff-{Guid.NewGuid():N}@accounts.test",
        DisplayName = "새 기관 담당자",
        Role = Roles.AgencyStaff,
        AgencyId = agencyId,
    };

    private async Task<T> InScopeAsync<T>(Func<UserManager<ApplicationUser>, ApplicationUser, Task<T>> check, Guid userId)
    {
        await using var scope = _provider!.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("no user");
        return await check(users, user);
    }

    private Task<bool> PasswordWorksAsync(Guid userId, string password) =>
        InScopeAsync((users, user) => users.CheckPasswordAsync(user, password), userId);

    [Fact]
    public async Task NewAgencyStaffGetsAOneTimePasswordThatMustBeChanged()
    {
        var service = ServiceFor(TestUser.Official());

        var created = await service.CreateAsync(StaffInput());

        Assert.True(created.OneTimePassword.Length >= OneTimePassword.MinimumLength);
        Assert.True(await PasswordWorksAsync(created.Id, created.OneTimePassword));
        var details = (await service.GetAsync(created.Id))!;
        Assert.True(details.MustChangePassword);
        Assert.True(details.IsActive);
        Assert.Equal(Roles.AgencyStaff, details.Role);
        Assert.Equal(_agencyId, details.AgencyId);
        Assert.Equal("계정 복지관", details.AgencyName);
    }

    [Fact]
    public async Task OneTimePasswordsAreDifferentEachTime()
    {
        var options = new PasswordOptions { RequiredLength = 8 };

        var passwords = Enumerable.Range(0, 50).Select(_ => OneTimePassword.Generate(options)).ToHashSet();

        Assert.Equal(50, passwords.Count);
        Assert.All(passwords, p => Assert.True(p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit) && p.Any(c => !char.IsLetterOrDigit(c))));
    }

    [Fact]
    public async Task OnlyOfficialsManageAccounts()
    {
        var official = ServiceFor(TestUser.Official());
        var created = await official.CreateAsync(StaffInput());
        var stamp = (await official.GetAsync(created.Id))!.ConcurrencyStamp;

        foreach (var user in new ICurrentUser[] { TestUser.Consultant(), TestUser.StaffOf(_agencyId), TestUser.Anonymous })
        {
            var service = ServiceFor(user);
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new UserListQuery()));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(created.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(StaffInput()));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.DeactivateAsync(created.Id, stamp));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(created.Id, stamp));
        }
    }

    [Fact]
    public async Task AgencyStaffNeedsAnActiveAgency()
    {
        var service = ServiceFor(TestUser.Official());

        var missing = await Assert.ThrowsAsync<ValidationException>(() => service.CreateAsync(StaffOf(null)));
        var inactive = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(StaffOf(_inactiveAgencyId)));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(StaffOf(Guid.NewGuid())));

        Assert.Contains(missing.Errors, e => e.ErrorCode == "user.agency-required");
        Assert.Equal("user.agency-unavailable", inactive.Code);
        Assert.Equal("user.agency-unavailable", unknown.Code);
    }

    [Fact]
    public async Task InputIsCheckedAndAnEmailIsUsedOnce()
    {
        var service = ServiceFor(TestUser.Official());
        var email = $"twice-{Guid.NewGuid():N}@accounts.test";
        await service.CreateAsync(StaffInput(email));

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => service.CreateAsync(new NewUserInput { Email = "not-an-email", DisplayName = " ", Role = "Admin" }));
        var duplicate = await Assert.ThrowsAsync<DomainException>(() => service.CreateAsync(StaffInput(email.ToUpperInvariant())));

        Assert.Equal(
            ["user.email-invalid", "user.name-required", "user.role-invalid"],
            invalid.Errors.Select(e => e.ErrorCode).Order());
        Assert.Equal("user.email-taken", duplicate.Code);
    }

    [Fact]
    public async Task ADeactivatedAccountCannotSignInUntilReactivated()
    {
        var service = ServiceFor(TestUser.Official());
        var created = await service.CreateAsync(StaffInput());
        var before = (await service.GetAsync(created.Id))!;
        var stampBefore = await InScopeAsync((users, user) => users.GetSecurityStampAsync(user), created.Id);

        await service.DeactivateAsync(created.Id, before.ConcurrencyStamp);

        var deactivated = (await service.GetAsync(created.Id))!;
        Assert.False(deactivated.IsActive);
        Assert.True(await InScopeAsync((users, user) => users.IsLockedOutAsync(user), created.Id));
        // A new security stamp ends the sessions the account already has.
        Assert.NotEqual(stampBefore, await InScopeAsync((users, user) => users.GetSecurityStampAsync(user), created.Id));

        await service.ReactivateAsync(created.Id, deactivated.ConcurrencyStamp);

        Assert.True((await service.GetAsync(created.Id))!.IsActive);
        Assert.False(await InScopeAsync((users, user) => users.IsLockedOutAsync(user), created.Id));
    }

    [Fact]
    public async Task AnOfficialCannotDeactivateThemselves()
    {
        var created = await ServiceFor(TestUser.Official()).CreateAsync(new NewUserInput
        {
            Email = $"official-{Guid.NewGuid():N}@accounts.test",
            DisplayName = "새 사업 담당자",
            Role = Roles.Official,
        });
        var self = ServiceFor(new TestUser(created.Id, Roles.Official, null));
        var stamp = (await self.GetAsync(created.Id))!.ConcurrencyStamp;

        var refused = await Assert.ThrowsAsync<DomainException>(() => self.DeactivateAsync(created.Id, stamp));

        Assert.Equal("user.cannot-deactivate-self", refused.Code);
        Assert.True((await self.GetAsync(created.Id))!.IsActive);
    }

    [Fact]
    public async Task AChangeFromAStalePageIsRefused()
    {
        var service = ServiceFor(TestUser.Official());
        var created = await service.CreateAsync(StaffInput());
        var stale = (await service.GetAsync(created.Id))!.ConcurrencyStamp;
        await service.ResetPasswordAsync(created.Id, stale);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.DeactivateAsync(created.Id, stale));

        Assert.True((await service.GetAsync(created.Id))!.IsActive);
    }

    [Fact]
    public async Task AResetReplacesThePasswordWithANewOneTimePassword()
    {
        var official = ServiceFor(TestUser.Official());
        var created = await official.CreateAsync(StaffInput());
        await ServiceFor(TestUser.StaffOf(_agencyId) with { UserId = created.Id }).ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = created.OneTimePassword,
            NewPassword = "Chosen!2025",
            ConfirmPassword = "Chosen!2025",
        });

        var reset = await official.ResetPasswordAsync(created.Id, (await official.GetAsync(created.Id))!.ConcurrencyStamp);

        Assert.NotEqual(created.OneTimePassword, reset);
        Assert.True(await PasswordWorksAsync(created.Id, reset));
        Assert.False(await PasswordWorksAsync(created.Id, "Chosen!2025"));
        Assert.True((await official.GetAsync(created.Id))!.MustChangePassword);
    }

    [Fact]
    public async Task ChangingTheOwnPasswordNeedsTheCurrentOneAndClearsTheOneTimeFlag()
    {
        var official = ServiceFor(TestUser.Official());
        var created = await official.CreateAsync(StaffInput());
        var self = ServiceFor(TestUser.StaffOf(_agencyId) with { UserId = created.Id });

        var wrong = await Assert.ThrowsAsync<DomainException>(() => self.ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = "Wrong!2025",
            NewPassword = "Chosen!2025",
            ConfirmPassword = "Chosen!2025",
        }));
        var mismatch = await Assert.ThrowsAsync<ValidationException>(() => self.ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = created.OneTimePassword,
            NewPassword = "Chosen!2025",
            ConfirmPassword = "Chosen!2026",
        }));
        var weak = await Assert.ThrowsAsync<ValidationException>(() => self.ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = created.OneTimePassword,
            NewPassword = "short",
            ConfirmPassword = "short",
        }));
        Assert.Equal("password.wrong-current", wrong.Code);
        Assert.Contains(mismatch.Errors, e => e.ErrorCode == "password.confirm-mismatch");
        Assert.Contains(weak.Errors, e => e.ErrorCode == "identity.PasswordTooShort");
        Assert.True((await official.GetAsync(created.Id))!.MustChangePassword);

        await self.ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = created.OneTimePassword,
            NewPassword = "Chosen!2025",
            ConfirmPassword = "Chosen!2025",
        });

        Assert.False((await official.GetAsync(created.Id))!.MustChangePassword);
        Assert.True(await PasswordWorksAsync(created.Id, "Chosen!2025"));
        Assert.False(await PasswordWorksAsync(created.Id, created.OneTimePassword));
    }

    [Fact]
    public async Task AnonymousCannotChangeAPassword()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => ServiceFor(TestUser.Anonymous).ChangeOwnPasswordAsync(new PasswordChangeInput
        {
            CurrentPassword = "a",
            NewPassword = "Chosen!2025",
            ConfirmPassword = "Chosen!2025",
        }));
    }

    [Fact]
    public async Task ListSearchesFiltersAndPagesInTheDatabase()
    {
        var service = ServiceFor(TestUser.Official());

        var all = await service.ListAsync(new UserListQuery(ListPrefix));
        var byEmail = await service.ListAsync(new UserListQuery("LIST3@"));
        var officials = await service.ListAsync(new UserListQuery(ListPrefix, Roles.Official));
        var inactive = await service.ListAsync(new UserListQuery(ListPrefix, Active: false));
        var activeStaff = await service.ListAsync(new UserListQuery(ListPrefix, Roles.AgencyStaff, true));
        var secondPage = await service.ListAsync(new UserListQuery(ListPrefix, PageIndex: 1, PageSize: 3));
        var wildcard = await service.ListAsync(new UserListQuery("%"));

        Assert.Equal(7, all.TotalCount);
        Assert.Equal([$"{ListPrefix}1", $"{ListPrefix}2", $"{ListPrefix}3"], all.Rows.Take(3).Select(r => r.DisplayName));
        Assert.Equal([$"{ListPrefix}3"], byEmail.Rows.Select(r => r.DisplayName));
        Assert.Equal(3, officials.TotalCount);
        Assert.All(officials.Rows, r => Assert.Equal(Roles.Official, r.Role));
        Assert.Equal([$"{ListPrefix}7"], inactive.Rows.Select(r => r.DisplayName));
        Assert.Equal(3, activeStaff.TotalCount);
        Assert.All(activeStaff.Rows, r => Assert.Equal("계정 복지관", r.AgencyName));
        Assert.Equal(7, secondPage.TotalCount);
        Assert.Equal([$"{ListPrefix}4", $"{ListPrefix}5", $"{ListPrefix}6"], secondPage.Rows.Select(r => r.DisplayName));
        Assert.Equal(0, wildcard.TotalCount);
    }

    [Fact]
    public async Task ListRefusesAnUnknownRole()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => ServiceFor(TestUser.Official()).ListAsync(new UserListQuery(Role: "Admin")));

        Assert.Contains(refused.Errors, e => e.ErrorCode == "user.role-invalid");
    }

    [Fact]
    public async Task AnOfficialCorrectsANameAndMovesStaffToAnotherAgency()
    {
        var service = ServiceFor(TestUser.Official());
        var created = await service.CreateAsync(StaffInput());
        Guid otherAgencyId;
        await using (var db = database.CreateContext())
        {
            var other = new Agency($"옮겨갈 복지관 {Guid.NewGuid():N}", AgencyTypeCodes.GroupHome, "이동시험구");
            db.Agencies.Add(other);
            await db.SaveChangesAsync();
            otherAgencyId = other.Id;
        }

        var before = (await service.GetAsync(created.Id))!;
        var stampBefore = await InScopeAsync(async (users, user) => await users.GetSecurityStampAsync(user), created.Id);
        await service.UpdateProfileAsync(created.Id, before.ConcurrencyStamp, "  고친 이름 ", otherAgencyId);

        var after = (await service.GetAsync(created.Id))!;
        Assert.Equal("고친 이름", after.DisplayName);
        Assert.Equal(otherAgencyId, after.AgencyId);
        Assert.NotEqual(before.ConcurrencyStamp, after.ConcurrencyStamp);
        // A new security stamp makes the user's sessions pick up the new agency.
        Assert.NotEqual(stampBefore, await InScopeAsync(async (users, user) => await users.GetSecurityStampAsync(user), created.Id));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => service.UpdateProfileAsync(created.Id, before.ConcurrencyStamp, "늦은 수정", otherAgencyId));
    }

    [Fact]
    public async Task AProfileNeedsANameAndStaffAnActiveAgency()
    {
        var service = ServiceFor(TestUser.Official());
        var created = await service.CreateAsync(StaffInput());
        var stamp = (await service.GetAsync(created.Id))!.ConcurrencyStamp;

        Assert.Equal("user.name-required", (await Assert.ThrowsAsync<DomainException>(
            () => service.UpdateProfileAsync(created.Id, stamp, " ", _agencyId))).Code);
        Assert.Equal("user.agency-unavailable", (await Assert.ThrowsAsync<DomainException>(
            () => service.UpdateProfileAsync(created.Id, stamp, "이름", _inactiveAgencyId))).Code);
        Assert.Equal("user.agency-unavailable", (await Assert.ThrowsAsync<DomainException>(
            () => service.UpdateProfileAsync(created.Id, stamp, "이름", null))).Code);
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => ServiceFor(TestUser.StaffOf(_agencyId)).UpdateProfileAsync(created.Id, stamp, "이름", _agencyId));
        Assert.Equal("새 기관 담당자", (await service.GetAsync(created.Id))!.DisplayName);
    }

    [Fact]
    public async Task AnOfficialNeverGainsAnAgency()
    {
        var service = ServiceFor(TestUser.Official());
        var created = await service.CreateAsync(new NewUserInput
        {
            Email = $"official-{Guid.NewGuid():N}@accounts.test",
            DisplayName = "다른 담당자",
            Role = Roles.Official,
        });

        await service.UpdateProfileAsync(created.Id, (await service.GetAsync(created.Id))!.ConcurrencyStamp, "다른 담당자 2", _agencyId);

        var after = (await service.GetAsync(created.Id))!;
        Assert.Equal("다른 담당자 2", after.DisplayName);
        Assert.Null(after.AgencyId);
    }
}
