namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// After authentication: a request without a session but with a remembered device's cookie is signed in by
/// the device, so a returning parent lands on the page asked for without typing (nor checking) a password.
/// </summary>
public static class RememberedDeviceSignIn
{
    public static IApplicationBuilder UseRememberedDevices(this WebApplication app)
    {
        var cookieName = RememberedDevices.CookieNameFor(app.Configuration, app.Environment);
        return app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && context.Request.Cookies.ContainsKey(cookieName))
            {
                await context.RequestServices.GetRequiredService<PortalSignIn>().SignInFromRememberedDeviceAsync(context.RequestAborted);
            }
            await next(context);
        });
    }
}
