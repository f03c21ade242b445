using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Handlers of a staff page that only administrators may post (Razor Pages authorises whole pages, not
/// handlers): an agent gets 403 before anything else is read, the anti-forgery token included, as for an
/// administrators-only page. The handler is the one Razor Pages will select: the route value, else the query.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AdministratorHandlersAttribute(params string[] handlers) : Attribute, IAuthorizationFilter
{
    public IReadOnlyList<string> Handlers { get; } = handlers;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }
        var handler = context.RouteData.Values["handler"] as string;
        if (string.IsNullOrEmpty(handler))
        {
            handler = request.Query["handler"].FirstOrDefault();
        }
        if (handler is not null && Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase)
            && !context.HttpContext.User.IsInRole(Roles.Administrator))
        {
            context.Result = new ForbidResult();
        }
    }
}
