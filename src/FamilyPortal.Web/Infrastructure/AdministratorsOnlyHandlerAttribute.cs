using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// Keeps some POST handlers of a staff page to administrators while agents use the rest of it: an agent gets
/// 403 as for an administrators-only page, before the anti-forgery check and before the handler runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AdministratorsOnlyHandlerAttribute(params string[] handlers) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public IReadOnlyList<string> Handlers { get; } = handlers;

    // Below the anti-forgery filter's order (1000): the refusal answers first, like a page's policy.
    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var handler = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !Handlers.Contains(handler, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }
        var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(context.HttpContext.User, context.HttpContext, StaffAuthorization.Administrator);
        if (!result.Succeeded)
        {
            context.Result = new ForbidResult();
        }
    }
}
