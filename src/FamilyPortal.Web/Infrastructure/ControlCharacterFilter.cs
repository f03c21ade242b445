using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// A NUL character in a form field or the query string is refused with 400 before any handler runs: no text of
/// the portal holds one, and PostgreSQL refuses it in a query's parameter with an error instead of finding
/// nothing, so a handler that looks a value up before validating it would answer 500.
/// </summary>
public sealed class ControlCharacterFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The error page that tells the refusal runs on the same request, form included.
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var request = context.HttpContext.Request;
        var hasNul = request.Query.Any(pair => HasNul(pair.Key) || pair.Value.Any(HasNul));
        if (!hasNul && request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                hasNul = form.Any(pair => HasNul(pair.Key) || pair.Value.Any(HasNul)) || form.Files.Any(f => HasNul(f.Name) || HasNul(f.FileName));
            }
            catch (InvalidDataException)
            {
                // A form the framework cannot read (a NUL in an encoded value, a malformed body): as model binding would.
                hasNul = true;
            }
        }
        if (hasNul)
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }

    private static bool HasNul(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;
}
