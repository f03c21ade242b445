using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.DevMailbox;

/// <summary>The development mailbox answers 404 wherever it is not enabled, and only reads.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public abstract class DevMailboxPageModel(Email.DevMailbox mailbox) : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!mailbox.IsEnabled)
        {
            context.Result = NotFound();
            return;
        }
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method))
        {
            context.Result = StatusCode(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        await next();
    }

    public static string ParisTime(DateTime utc) =>
        ParisClock.ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm:ss", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    public static string IsoTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Status(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.SentAtUtc is { } sent)
        {
            return $"Envoyé le {ParisTime(sent)}";
        }
        return message.Attempts == 0
            ? "En attente"
            : $"En attente — {message.Attempts} tentative{(message.Attempts > 1 ? "s" : "")}, prochain essai le {ParisTime(message.NextAttemptAtUtc)}";
    }
}
