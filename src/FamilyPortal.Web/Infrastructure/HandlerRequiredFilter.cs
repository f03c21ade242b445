using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// A request that selects none of the page's handlers — a POST to a page that only shows, or a handler name
/// that does not exist — would otherwise render the page without any handler having loaded its data (a
/// 500 on most pages). It gets 405 (with Allow) or 404 instead. Pages without handler methods still show on GET.
/// </summary>
public sealed class HandlerRequiredFilter : IAsyncPageFilter
{
    private static readonly string[] ReadMethods = ["GET", "HEAD"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is null)
        {
            var request = context.HttpContext.Request;
            var handlers = context.ActionDescriptor.HandlerMethods;
            var named = !string.IsNullOrEmpty(context.RouteData.Values["handler"]?.ToString()) || !string.IsNullOrEmpty(request.Query["handler"]);
            var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if (named || (isRead && handlers.Any(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase))))
            {
                context.Result = new NotFoundResult();
                return;
            }
            if (!isRead)
            {
                if (handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Result = new NotFoundResult();
                    return;
                }
                context.HttpContext.Response.Headers.Allow = string.Join(", ",
                    ReadMethods.Concat(handlers.Select(h => h.HttpMethod.ToUpperInvariant())).Distinct());
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return;
            }
        }
        await next();
    }
}
