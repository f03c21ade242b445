using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// Applies the policy an endpoint names (<see cref="EnableRateLimitingAttribute"/>, <c>RequireRateLimiting</c>)
/// with the database counters, so that a limit holds for the whole platform whatever the server a request
/// reaches. A refusal is a 429 with Retry-After, rendered by the status-code pages as the French error page.
/// </summary>
public sealed class SharedRateLimitMiddleware(RequestDelegate next, RateLimitPolicies policies, IServiceScopeFactory scopes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<DisableRateLimitingAttribute>() is null
            && metadata?.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } policy
            && policies.RuleFor(policy, context) is { } rule)
        {
            // A scope of its own: the page's DbContext stays untouched by the counting.
            await using var scope = scopes.CreateAsyncScope();
            var decision = await scope.ServiceProvider.GetRequiredService<RateLimitCounters>().CountAsync(rule, context.RequestAborted);
            if (!decision.Permitted)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return;
            }
        }
        await next(context);
    }
}
