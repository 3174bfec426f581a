namespace Consulting.Web.Hosting;

/// <summary>
/// Keeps a user who still has a one-time password on the change-password page: every other page redirects there,
/// and the interactive circuit (which would route without HTTP requests) is refused. Static files, the sign-in and
/// sign-out endpoints and the language switch stay reachable. The claim comes from the sign-in cookie and goes
/// when the page signs the user in again after the change.
/// </summary>
internal static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";

    private static readonly PathString[] Allowed =
        [ChangePasswordPath, "/account/login", "/account/logout", "/culture", "/health", "/_framework", "/_content"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(c => c.Type == ConsultingClaimTypes.MustChangePassword)
                && !Allowed.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase))
                && !Path.HasExtension(path.Value))
            {
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(ChangePasswordPath);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                }

                return;
            }

            await next();
        });
}
