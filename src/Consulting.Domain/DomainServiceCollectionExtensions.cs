using Consulting.Domain.Data;
using Consulting.Domain.Programs;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consulting.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The DbContext factory, the feature services and every validator of this assembly.</summary>
    public static IServiceCollection AddConsultingDomain(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<ConsultingDbContext>(options => options.UseConsultingDatabase(connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ProgramService>();
        services.AddScoped<ProgramAdminService>();
        services.AddScoped<Agencies.AgencyService>();
        services.AddScoped<Agencies.AgencyRegistryService>();
        services.AddScoped<Agencies.AgencyTypeService>();
        services.AddScoped<Recruitment.RecruitmentService>();
        services.AddScoped<Identity.UserAccountService>();
        services.AddScoped<Identity.PasswordResetService>();
        services.AddScoped<Consultants.ConsultantService>();
        services.AddScoped<Engagements.AssignmentService>();
        services.AddScoped<Engagements.ClosingOpinionService>();
        services.AddScoped<Surveys.SurveyService>();
        services.AddScoped<Visits.VisitService>();
        services.AddScoped<Visits.CalendarFeedService>();
        services.AddScoped<VisitLogs.VisitLogService>();
        services.AddScoped<VisitLogs.LogTemplateService>();
        services.AddScoped<Recommendations.RecommendationService>();
        services.AddScoped<Recommendations.FollowUpService>();
        services.AddScoped<Dashboards.ProgramDashboardService>();
        services.AddScoped<Documents.ProgramWorkbook>();
        services.AddScoped<Documents.ProgramSummaryDocument>();
        services.AddSingleton<Notifications.Notifier>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddScoped<Notifications.ReminderService>();
        services.AddOptions<Notifications.MailOptions>();
        services.AddSingleton(sp => Notifications.MailTransportFactory.Create(sp.GetRequiredService<IOptions<Notifications.MailOptions>>()));
        services.AddSingleton<Notifications.OutboxSender>();
        services.AddScoped<Attachments.AttachmentService>();
        services.AddScoped<Assessments.AssessmentService>();
        services.AddScoped<Monitoring.MonitoringRoundService>();
        services.AddOptions<Attachments.AttachmentOptions>();
        services.AddScoped<Documents.AgencyReportService>();
        services.AddValidatorsOf(typeof(DomainServiceCollectionExtensions).Assembly);
        return services;
    }

    /// <summary>
    /// FluentValidation's own DI package is not served here; this is the short scan it would do:
    /// every concrete AbstractValidator&lt;T&gt; is registered as IValidator&lt;T&gt;.
    /// </summary>
    public static IServiceCollection AddValidatorsOf(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        var validators =
            from type in assembly.GetTypes()
            where type is { IsAbstract: false, IsGenericTypeDefinition: false }
            from contract in type.GetInterfaces()
            where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IValidator<>)
            select (contract, type);
        foreach (var (contract, type) in validators)
        {
            services.AddSingleton(contract, type);
        }

        return services;
    }
}
