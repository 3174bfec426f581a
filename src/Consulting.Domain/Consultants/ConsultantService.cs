using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Consultants;

/// <summary>
/// The consultant registry: officials keep it (and create each consultant's sign-in account); a consultant corrects
/// their own contact details and declares the dates they cannot visit.
/// </summary>
public sealed class ConsultantService(
    IDbContextFactory<ConsultingDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    UserAccountService accounts,
    IValidator<ConsultantInput> inputValidator,
    IValidator<ConsultantListQuery> listValidator,
    IValidator<UnavailabilityInput> unavailabilityValidator)
{
    public async Task<ConsultantPage> ListAsync(ConsultantListQuery query, CancellationToken ct = default)
    {
        EnsureOfficial();
        await listValidator.ValidateAndThrowAsync(query, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultants = db.Consultants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = LikePattern.Containing(query.Search);
            consultants = consultants.Where(c =>
                EF.Functions.ILike(c.Name, pattern, LikePattern.Escape)
                || EF.Functions.ILike(c.Affiliation ?? "", pattern, LikePattern.Escape)
                || EF.Functions.ILike(c.Region ?? "", pattern, LikePattern.Escape));
        }

        if (query.Expertise is { } expertise)
        {
            consultants = consultants.Where(c => c.Expertise.Contains(expertise));
        }

        if (query.Active is { } active)
        {
            consultants = consultants.Where(c => c.IsActive == active);
        }

        var total = await consultants.CountAsync(ct);
        var rows = await consultants
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(query.PageIndex * query.PageSize)
            .Take(query.PageSize)
            .Select(c => new ConsultantRow(
                c.Id,
                c.Name,
                c.Affiliation,
                c.Expertise,
                c.Region,
                c.MaxVisitsPerWeek,
                c.IsActive,
                c.UserId != null,
                db.Engagements.Count(e => e.ConsultantId == c.Id && db.Programs.Any(p => p.Id == e.ProgramId && p.Status != Programs.ProgramStatus.Closed))))
            .ToListAsync(ct);
        return new ConsultantPage(rows, total);
    }

    /// <summary>One consultant: officials see anyone, a consultant only themselves.</summary>
    public async Task<ConsultantDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Consultants.Where(c => c.Id == id);
        if (currentUser.IsConsultant())
        {
            query = query.Where(c => c.UserId == currentUser.UserId);
        }
        else if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }

        return await DetailsAsync(db, query, ct);
    }

    /// <summary>The signed-in consultant's own registry entry.</summary>
    public async Task<ConsultantDetails?> GetMineAsync(CancellationToken ct = default)
    {
        var userId = RequireConsultant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DetailsAsync(db, db.Consultants.Where(c => c.UserId == userId), ct);
    }

    public async Task<Guid> CreateAsync(ConsultantInput input, CancellationToken ct = default)
    {
        EnsureOfficial();
        await inputValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = new Consultant(input.ToProfile(), clock.GetUtcNow().UtcDateTime);
        db.Consultants.Add(consultant);
        await db.SaveChangesAsync(ct);
        return consultant.Id;
    }

    public async Task UpdateAsync(Guid id, ConsultantInput input, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        await inputValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadAsync(db, id, ct);
        consultant.Update(input.ToProfile());
        await db.SaveCheckedAsync(consultant, expectedVersion, ct);
    }

    /// <summary>A consultant corrects their own phone and e-mail; everything else is the official's.</summary>
    public async Task UpdateMyContactAsync(string? phone, string? email, uint expectedVersion, CancellationToken ct = default)
    {
        await inputValidator.ValidateAndThrowAsync(new ConsultantInput { Name = "-", Expertise = [ConsultantExpertise.PeerCoaching], Phone = phone, Email = email }, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadMineAsync(db, ct);
        consultant.UpdateContact(phone, email);
        await db.SaveCheckedAsync(consultant, expectedVersion, ct);
    }

    public Task DeactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.Deactivate(), ct);

    public Task ReactivateAsync(Guid id, uint expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(id, expectedVersion, c => c.Reactivate(), ct);

    /// <summary>
    /// Creates the consultant's sign-in account (role Consultant) with a one-time password, which the caller shows once,
    /// the same way as any other account, and links it to the registry entry.
    /// </summary>
    public async Task<CreatedUser> CreateAccountAsync(Guid id, string email, uint expectedVersion, CancellationToken ct = default)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadAsync(db, id, ct);
        if (consultant.UserId is not null)
        {
            throw new DomainException("consultant.has-account", "The consultant already has a sign-in account.");
        }

        if (db.Entry(consultant).Property(c => c.Version).CurrentValue != expectedVersion)
        {
            throw new ConcurrencyConflictException(nameof(Consultant));
        }

        var created = await accounts.CreateAsync(new NewUserInput { Email = email, DisplayName = consultant.Name, Role = Roles.Consultant }, ct);
        consultant.LinkAccount(created.Id);
        await db.SaveCheckedAsync(consultant, expectedVersion, ct);
        return created;
    }

    /// <summary>Declares dates the consultant cannot visit: a consultant for themselves, an official for anyone.</summary>
    public async Task DeclareUnavailableAsync(Guid? consultantId, UnavailabilityInput input, CancellationToken ct = default)
    {
        await unavailabilityValidator.ValidateAndThrowAsync(input, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadForAbsenceAsync(db, consultantId, ct);
        var entry = consultant.DeclareUnavailable(input.Start, input.End, input.Kind, input.Note);
        db.Entry(entry).State = EntityState.Added;
        await db.SaveCheckedAsync(nameof(Consultant), ct);
    }

    public async Task RemoveUnavailabilityAsync(Guid? consultantId, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadForAbsenceAsync(db, consultantId, ct);
        consultant.RemoveUnavailability(entryId);
        await db.SaveCheckedAsync(nameof(Consultant), ct);
    }

    private async Task<Consultant> LoadForAbsenceAsync(ConsultingDbContext db, Guid? consultantId, CancellationToken ct)
    {
        if (currentUser.IsConsultant())
        {
            var mine = await LoadMineAsync(db, ct);
            return consultantId is null || consultantId == mine.Id ? mine : throw new AccessDeniedException();
        }

        EnsureOfficial();
        return await LoadAsync(db, consultantId ?? throw new AccessDeniedException(), ct);
    }

    private async Task ChangeAsync(Guid id, uint expectedVersion, Action<Consultant> change, CancellationToken ct)
    {
        EnsureOfficial();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consultant = await LoadAsync(db, id, ct);
        change(consultant);
        await db.SaveCheckedAsync(consultant, expectedVersion, ct);
    }

    private static async Task<Consultant> LoadAsync(ConsultingDbContext db, Guid id, CancellationToken ct) =>
        await db.Consultants.SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new DomainException("consultant.not-found", "The consultant does not exist.");

    private async Task<Consultant> LoadMineAsync(ConsultingDbContext db, CancellationToken ct)
    {
        var userId = RequireConsultant();
        return await db.Consultants.SingleOrDefaultAsync(c => c.UserId == userId, ct)
            ?? throw new DomainException("consultant.no-profile", "Your account is not linked to the consultant registry.");
    }

    private static async Task<ConsultantDetails?> DetailsAsync(ConsultingDbContext db, IQueryable<Consultant> query, CancellationToken ct)
    {
        var row = await query
            .Select(c => new { Consultant = c, AccountEmail = db.Users.Where(u => u.Id == c.UserId).Select(u => u.Email).FirstOrDefault() })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var c = row.Consultant;
        return new ConsultantDetails(
            c.Id, c.Name, c.Affiliation, c.Expertise, c.Phone, c.Email, c.Region, c.MaxVisitsPerWeek, c.Notes, c.IsActive, c.UserId, row.AccountEmail,
            [.. c.UnavailableDates.OrderBy(u => u.Start).Select(u => new UnavailabilityRow(u.Id, u.Start, u.End, u.Kind, u.Note))],
            c.Version);
    }

    private void EnsureOfficial()
    {
        if (!currentUser.IsOfficial())
        {
            throw new AccessDeniedException();
        }
    }

    private Guid RequireConsultant() =>
        currentUser.IsConsultant() && currentUser.UserId is { } id ? id : throw new AccessDeniedException();
}
