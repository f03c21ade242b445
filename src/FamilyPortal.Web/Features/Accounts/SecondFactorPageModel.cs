using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The code step shared by the enrolment and the everyday sign-in of staff: only reachable after the
/// password (Identity's short-lived two-factor cookie); a wrong code counts towards the lockout.
/// </summary>
public abstract class SecondFactorPageModel(
    UserManager<PortalAccount> users,
    PortalSignIn portalSignIn,
    AuthenticatorCheck authenticator,
    TimeProvider time,
    ILogger logger) : PageModel
{
    public const string CodeAlreadyUsed = "Ce code a déjà été utilisé, attendez le suivant.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    protected UserManager<PortalAccount> Users => users;

    protected Task<PortalAccount?> PendingAccountAsync() => portalSignIn.PendingSecondFactorAsync();

    protected RedirectToPageResult BackToSignIn()
    {
        TempData["Notice"] = "Votre connexion a expiré : saisissez à nouveau votre identifiant et votre mot de passe.";
        return RedirectToPage("/Accounts/SignIn", new { retour = ReturnUrl });
    }

    /// <summary>Checks the code; true when it is right. Adds the French error otherwise.</summary>
    protected async Task<bool> CheckCodeAsync(PortalAccount account)
    {
        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError(nameof(Code), await LockedMessageAsync(account));
            return false;
        }
        var code = SecondFactor.NormalizeCode(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), "Saisissez les 6 chiffres affichés par votre application d'authentification.");
            return false;
        }
        var outcome = await authenticator.CheckAsync(account, code, HttpContext.RequestAborted);
        if (outcome == AuthenticatorOutcome.Accepted)
        {
            await users.ResetAccessFailedCountAsync(account);
            return true;
        }
        if (outcome == AuthenticatorOutcome.Reused)
        {
            // The right code, a second time: not a guess, so it does not count towards the lockout.
            logger.LogWarning("Code d'authentification déjà utilisé pour le compte {AccountId}", account.Id);
            ModelState.AddModelError(nameof(Code), CodeAlreadyUsed);
            Code = null;
            return false;
        }
        await users.AccessFailedAsync(account);
        logger.LogWarning("Code d'authentification incorrect pour le compte {AccountId}", account.Id);
        ModelState.AddModelError(nameof(Code), await users.IsLockedOutAsync(account)
            ? await LockedMessageAsync(account)
            : "Ce code est incorrect ou a expiré. Saisissez le code affiché en ce moment par votre application.");
        Code = null;
        return false;
    }

    protected async Task<IActionResult> CompleteAsync(PortalAccount account, CancellationToken ct)
    {
        await portalSignIn.SignInWithSecondFactorAsync(account, ct);
        logger.LogInformation("Connexion du compte {AccountId} avec second facteur", account.Id);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await SecondFactor.HomeOfAsync(users, account));
    }

    private async Task<string> LockedMessageAsync(PortalAccount account)
    {
        var end = await users.GetLockoutEndDateAsync(account) ?? time.GetUtcNow();
        var local = ParisClock.ToParis(end);
        return $"Votre compte est verrouillé après plusieurs tentatives infructueuses. Réessayez à partir de {local:HH\\:mm}.";
    }
}
