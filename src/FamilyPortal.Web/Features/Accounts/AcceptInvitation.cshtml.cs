using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The link of a staff invitation: the first password, twice. The link works once, for three days.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Recovery)]
public class AcceptInvitationModel(UserManager<PortalAccount> users, ILogger<AcceptInvitationModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Compte { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Jeton { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkValid { get; private set; }

    public string? Login { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await ValidLinkAccountAsync();
        LinkValid = account is not null;
        Login = account?.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await ValidLinkAccountAsync();
        if (account is null)
        {
            return Page();
        }
        LinkValid = true;
        Login = account.UserName;
        if (PasswordPolicy.Check(NewPassword, account.UserName, account.LastName) is { } passwordError)
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
        // Adding the password changes the security stamp: the link stops working.
        var result = await users.AddPasswordAsync(account, NewPassword!);
        if (!result.Succeeded)
        {
            LinkValid = false;
            return Page();
        }
        logger.LogInformation("Invitation acceptée pour le compte {AccountId}", account.Id);
        TempData["Notice"] = "Votre mot de passe est enregistré. Connectez-vous : il vous sera ensuite demandé d'activer le second facteur.";
        return RedirectToPage("SignIn", new { identifiant = account.UserName });
    }

    private async Task<PortalAccount?> ValidLinkAccountAsync()
    {
        if (string.IsNullOrEmpty(Compte) || string.IsNullOrEmpty(Jeton) || Compte.Length > 64 || Jeton.Length > 2000)
        {
            return null;
        }
        var account = await users.FindByIdAsync(Compte);
        return account is not null && !await users.HasPasswordAsync(account)
            && await users.VerifyUserTokenAsync(account, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, Jeton)
            ? account
            : null;
    }
}
