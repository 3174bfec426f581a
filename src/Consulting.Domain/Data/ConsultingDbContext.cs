using Consulting.Domain.Agencies;
using Consulting.Domain.Engagements;
using Consulting.Domain.Identity;
using Consulting.Domain.Programs;
using Consulting.Domain.Recruitment;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Consulting.Domain.Data;

public class ConsultingDbContext(DbContextOptions<ConsultingDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<ConsultingProgram> Programs => Set<ConsultingProgram>();

    public DbSet<ProgramArea> ProgramAreas => Set<ProgramArea>();

    public DbSet<ProgramApplication> Applications => Set<ProgramApplication>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<Consultants.Consultant> Consultants => Set<Consultants.Consultant>();

    public DbSet<Visits.Visit> Visits => Set<Visits.Visit>();

    public DbSet<Visits.VisitChange> VisitChanges => Set<Visits.VisitChange>();

    public DbSet<EngagementAssignment> EngagementAssignments => Set<EngagementAssignment>();

    public DbSet<VisitLogs.VisitLog> VisitLogs => Set<VisitLogs.VisitLog>();

    public DbSet<VisitLogs.VisitLogEvent> VisitLogEvents => Set<VisitLogs.VisitLogEvent>();

    public DbSet<VisitLogs.VisitLogAmendment> VisitLogAmendments => Set<VisitLogs.VisitLogAmendment>();

    public DbSet<VisitLogs.LogTemplate> LogTemplates => Set<VisitLogs.LogTemplate>();

    public DbSet<Recommendations.Recommendation> Recommendations => Set<Recommendations.Recommendation>();

    public DbSet<Recommendations.RecommendationEvent> RecommendationEvents => Set<Recommendations.RecommendationEvent>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.OutboxMessage> OutboxMessages => Set<Notifications.OutboxMessage>();

    public DbSet<Notifications.EmailOptOut> EmailOptOuts => Set<Notifications.EmailOptOut>();

    public DbSet<Notifications.ReminderDelivery> ReminderDeliveries => Set<Notifications.ReminderDelivery>();

    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();

    public DbSet<Assessments.AssessmentChecklist> AssessmentChecklists => Set<Assessments.AssessmentChecklist>();

    public DbSet<Assessments.Assessment> Assessments => Set<Assessments.Assessment>();

    public DbSet<Surveys.SurveyResponse> SurveyResponses => Set<Surveys.SurveyResponse>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyType> AgencyTypes => Set<AgencyType>();

    /// <summary>The keys that protect sign-in cookies, shared by every app instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The visits' exclusion constraints compare uuids with = inside a GiST index.
        builder.HasPostgresExtension("btree_gist");
        builder.ApplyConfigurationsFromAssembly(typeof(ConsultingDbContext).Assembly);

        // Identity names its tables AspNet*; ours are snake_case like the rest of the schema.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime we store is UTC (timestamptz); DateOnly maps to date.
        configurationBuilder.Properties<string>().AreUnicode();
    }
}
