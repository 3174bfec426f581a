using System.Globalization;
using Consulting.Domain;
using Consulting.Domain.Common;
using Consulting.Domain.Data;
using Consulting.Domain.Identity;
using Consulting.Web.Components;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Radzen;

namespace Consulting.Web.Hosting;

internal static class ServiceSetup
{
    public static readonly CultureInfo[] SupportedCultures = [new("ko-KR"), new("en-US")];

    public static void AddConsultingServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString("Consulting")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Consulting (scripts/run does it for you).");

        services.AddConsultingDomain(connectionString);
        builder.AddConsultingMail();
        services.Configure<AppOptions>(builder.Configuration.GetSection(AppOptions.Section));
        services.Configure<Domain.Attachments.AttachmentOptions>(builder.Configuration.GetSection(Domain.Attachments.AttachmentOptions.Section));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            // Korean unless the user picked English in the app bar; the browser's language does not decide.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "consulting.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Auth:IdleTimeoutMinutes", 60));
        });
        // A deactivated or reset account's sessions end within a minute, not Identity's default half hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConsultingDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ConsultingClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddDataProtection()
            .SetApplicationName("Consulting")
            .PersistKeysToDbContext<ConsultingDbContext>();

        builder.AddConsultingReminders();
        services.AddHealthChecks().AddDbContextCheck<ConsultingDbContext>("database");
    }
}

/// <summary>Settings under "Consulting" in configuration (environment: Consulting__…).</summary>
public sealed class AppOptions
{
    public const string Section = "Consulting";

    public string TimeZone { get; set; } = "Asia/Seoul";
}
