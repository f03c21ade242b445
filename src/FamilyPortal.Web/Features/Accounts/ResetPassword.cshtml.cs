using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The link of the recovery email: the secret answer and the new password twice. The answer never resets a
/// password on its own (the emailed link is needed too); wrong answers count towards the lockout.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Recovery)]
public class ResetPasswordModel(
    UserManager<PortalAccount> users,
    AccountSessions sessions,
    AccountEmails emails,
    FamilyPortalDbContext db,
    ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Compte { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    [BindProperty]
    public string? SecretAnswer { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? Question { get; private set; }

    public bool LinkValid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await ValidLinkAccountAsync();
        if (account is not null)
        {
            LinkValid = true;
            Question = account.SecretQuestion;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await ValidLinkAccountAsync();
        if (account is null)
        {
            return Page();
        }
        LinkValid = true;
        Question = account.SecretQuestion;
        if (await users.IsLockedOutAsync(account))
        {
            ModelState.AddModelError(string.Empty, "Trop de réponses incorrectes : réessayez dans quelques minutes.");
            return Page();
        }
        if (string.IsNullOrWhiteSpace(SecretAnswer))
        {
            ModelState.AddModelError(nameof(SecretAnswer), "Saisissez la réponse à votre question secrète.");
        }
        if (PasswordPolicy.Check(NewPassword, account.UserName, account.HouseholdName) is { } passwordError)
        {
            ModelState.AddModelError(nameof(NewPassword), passwordError);
        }
        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "La confirmation ne correspond pas au mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!SecretAnswerMatches(account, SecretAnswer!))
        {
            await users.AccessFailedAsync(account);
            logger.LogWarning("Réponse secrète incorrecte pour le compte {AccountId}", account.Id);
            ModelState.AddModelError(nameof(SecretAnswer), "La réponse à la question secrète est incorrecte.");
            return Page();
        }

        var changed = await db.InTransactionAsync(async token =>
        {
            var result = await users.ResetPasswordAsync(account, Jeton!, NewPassword!);
            if (!result.Succeeded)
            {
                return false;
            }
            await users.ResetAccessFailedCountAsync(account);
            await sessions.EndAllAsync(account.Id, exceptSessionId: null, token);
            emails.PasswordChangedNotice(account);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        if (!changed)
        {
            LinkValid = false;
            return Page();
        }
        logger.LogInformation("Mot de passe réinitialisé pour le compte {AccountId}", account.Id);
        TempData["Notice"] = "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe.";
        return RedirectToPage("SignIn", new { identifiant = account.UserName });
    }

    private bool SecretAnswerMatches(PortalAccount account, string answer) =>
        account.SecretAnswerHash is { } hash
        && users.PasswordHasher.VerifyHashedPassword(account, hash, Features.Accounts.Rules.SecretAnswer.Normalize(answer))
            != PasswordVerificationResult.Failed;

    private async Task<PortalAccount?> ValidLinkAccountAsync()
    {
        if (string.IsNullOrEmpty(Compte) || string.IsNullOrEmpty(Jeton) || Compte.Length > 64 || Jeton.Length > 2000)
        {
            return null;
        }
        var account = await users.FindByIdAsync(Compte);
        return account is not null && await users.VerifyUserTokenAsync(account,
            users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalAccount>.ResetPasswordTokenPurpose, Jeton)
            ? account
            : null;
    }
}
