using Microsoft.AspNetCore.Authorization;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// After authentication: a request without a session but with a remembered device's cookie, to « Je me
/// connecte » or to a page that needs a signed-in account, is signed in by the device, so a returning parent
/// lands on the page asked for without typing (nor checking) a password. Public pages stay as they are.
/// </summary>
public static class RememberedDeviceSignIn
{
    public static IApplicationBuilder UseRememberedDevices(this WebApplication app)
    {
        var cookieName = RememberedDevices.CookieNameFor(app.Configuration, app.Environment);
        return app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && context.Request.Cookies.ContainsKey(cookieName)
                && (context.Request.Path.Equals("/connexion", StringComparison.OrdinalIgnoreCase) || NeedsAnAccount(context)))
            {
                await context.RequestServices.GetRequiredService<PortalSignIn>().SignInFromRememberedDeviceAsync(context.RequestAborted);
            }
            await next(context);
        });
    }

    private static bool NeedsAnAccount(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAuthorizeData>() is not null
        && metadata.GetMetadata<IAllowAnonymous>() is null;
}
