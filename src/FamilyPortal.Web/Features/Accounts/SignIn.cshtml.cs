using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// « Mon compte » panel: sign-in by identifiant (case-insensitive) and password. When the password checks
/// queue beyond <c>SignIn:WaitingRoomAfterSeconds</c>, the request answers at once with the waiting room
/// (<see cref="SignInWaitingModel"/>) instead of holding the parent's browser.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public class SignInModel(
    UserManager<PortalAccount> users,
    PortalSignIn portalSignIn,
    SignInCheck check,
    SignInTickets tickets,
    IConfiguration configuration,
    ILogger<SignInModel> logger) : PageModel
{
    public const string WaitingRoomSetting = "SignIn:WaitingRoomAfterSeconds";

    [BindProperty]
    [Display(Name = "Identifiant")]
    public string? Identifiant { get; set; }

    [BindProperty]
    [Display(Name = "Mot de passe")]
    public string? Password { get; set; }

    /// <summary>« Rester connecté sur cet appareil »: « true » when ticked (text, so that any other value is refused, not a 500).</summary>
    [BindProperty]
    public string? RememberDevice { get; set; }

    private bool RemembersDevice => RememberDevice == "true";

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The refusal of a sign-in completed by the waiting room, shown as the form's own would be.</summary>
    [TempData]
    public string? Refused { get; set; }

    public IActionResult OnGet(string? identifiant)
    {
        if (HttpContext.Items.ContainsKey(PortalSignIn.SignedInByDeviceItem))
        {
            // A remembered device has just signed the parent in: no form to fill.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/actualites");
        }
        Identifiant ??= identifiant;
        if (Refused is { } refusal)
        {
            ModelState.AddModelError(string.Empty, refusal);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Identifiant))
        {
            ModelState.AddModelError(nameof(Identifiant), "Saisissez votre identifiant.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Saisissez votre mot de passe.");
        }
        if (RememberDevice is not (null or "true"))
        {
            ModelState.AddModelError(nameof(RememberDevice), "Cochez la case ou laissez-la vide.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var identifiant = Identifiant!.Trim();
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var queued = await check.QueueAsync(identifiant, Password!);
        var checking = queued.Outcome;
        var waitingRoomAfter = TimeSpan.FromSeconds(configuration.GetValue(WaitingRoomSetting, 5.0));
        // Known to be too long (checks ahead, at the measured rate): the waiting room at once. Otherwise the check
        // may take up to that long (on the wall clock: the browser waits in real time, whatever the portal's clock says).
        if ((queued.Ahead > 0 && TimeSpan.FromSeconds(WaitingRoomEstimate.Seconds(queued.Ahead, queued.ChecksPerSecond)) > waitingRoomAfter)
            || await Task.WhenAny(checking, Task.Delay(waitingRoomAfter, CancellationToken.None)) != checking)
        {
            await tickets.OpenAsync(HttpContext, checking, identifiant, returnUrl, RemembersDevice, queued.Ahead, queued.ChecksPerSecond, ct);
            logger.LogInformation("Connexion en file d'attente ({Ahead} vérifications avant elle)", queued.Ahead);
            return RedirectToPage("/Accounts/SignInWaiting");
        }
        return await CompleteAsync(await checking, RemembersDevice, returnUrl, ct);
    }

    private async Task<IActionResult> CompleteAsync(SignInCheckResult result, bool rememberDevice, string? returnUrl, CancellationToken ct)
    {
        if (result.Outcome == SignInOutcome.Suspended)
        {
            // Said only to whoever typed the right password.
            ModelState.AddModelError(string.Empty, StaffSuspension.SignInRefused);
            return Page();
        }
        var account = result.Outcome == SignInOutcome.Accepted && result.AccountId is not null ? await users.FindByIdAsync(result.AccountId) : null;
        if (account is null)
        {
            return Refuse();
        }
        return LocalRedirect(await portalSignIn.AfterPasswordAsync(account, rememberDevice, returnUrl, ct));
    }

    /// <summary>
    /// The one answer to a refused sign-in, whatever the reason: unknown identifiant, wrong password, locked
    /// account. It says what the lockout is, without saying whether it applies.
    /// </summary>
    public const string Refusal =
        "Identifiant ou mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué pendant 15 minutes.";

    private PageResult Refuse()
    {
        ModelState.AddModelError(string.Empty, Refusal);
        Password = null;
        return Page();
    }
}
