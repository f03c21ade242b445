using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// « Vous êtes dans la file d'attente »: the page a queued sign-in answers with. It asks again on its own (a
/// small script, or a plain reload without it) and completes the sign-in from the ticket's outcome once the
/// check has run, on whichever server the request lands. It never waits for the password queue itself.
/// </summary>
[AllowAnonymous]
public class SignInWaitingModel(SignInTickets tickets, PortalSignIn portalSignIn, Microsoft.AspNetCore.Identity.UserManager<PortalAccount> users,
    TimeProvider time) : PageModel
{
    public const string Expired = "Votre tour dans la file d'attente a expiré : connectez-vous à nouveau.";

    public int Position { get; private set; }
    public string WaitWords { get; private set; } = "";
    public int RefreshSeconds { get; private set; }
    public string Status => $"Votre position : {Position}. Attente estimée : {WaitWords}.";

    /// <summary>The script's question: is it our turn? Never takes the outcome: the page's own reload does.</summary>
    public async Task<IActionResult> OnGetEtatAsync(CancellationToken ct)
    {
        var ticket = await tickets.FindAsync(HttpContext, ct);
        if (ticket is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }
        Response.Headers.CacheControl = "no-store";
        if (ticket.Outcome != SignInOutcome.Pending)
        {
            return new JsonResult(new { ready = true });
        }
        Estimate(ticket);
        return new JsonResult(new { ready = false, status = Status, refresh = RefreshSeconds });
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ticket = await tickets.FindAsync(HttpContext, ct);
        if (ticket is null)
        {
            tickets.Drop(HttpContext);
            TempData["Notice"] = Expired;
            return RedirectToPage("/Accounts/SignIn");
        }
        if (ticket.Outcome == SignInOutcome.Pending)
        {
            Estimate(ticket);
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        if (!await tickets.TakeAsync(HttpContext, ticket, ct))
        {
            // Another request (a second tab) took the outcome first.
            return RedirectToPage("/Accounts/SignIn", new { identifiant = ticket.Identifiant, retour = ticket.ReturnUrl });
        }
        var account = ticket.Outcome == SignInOutcome.Accepted && ticket.AccountId is not null ? await users.FindByIdAsync(ticket.AccountId) : null;
        if (account is null)
        {
            TempData["Refused"] = ticket.Outcome == SignInOutcome.Suspended ? StaffSuspension.SignInRefused : SignInModel.Refusal;
            return RedirectToPage("/Accounts/SignIn", new { identifiant = ticket.Identifiant, retour = ticket.ReturnUrl });
        }
        return LocalRedirect(await portalSignIn.AfterPasswordAsync(account, ticket.RememberDevice, ticket.ReturnUrl, ct));
    }

    private void Estimate(SignInTicket ticket)
    {
        var elapsed = time.GetUtcNow().UtcDateTime - ticket.CreatedAtUtc;
        Position = WaitingRoomEstimate.Position(ticket.QueueAhead, ticket.ChecksPerSecond, elapsed);
        var seconds = WaitingRoomEstimate.Seconds(Position - 1, ticket.ChecksPerSecond);
        WaitWords = WaitingRoomEstimate.Words(seconds);
        RefreshSeconds = WaitingRoomEstimate.RefreshSeconds(seconds);
    }
}
