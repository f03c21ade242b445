using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Each staff sign-in: the 6-digit code of the authenticator app after the password.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public class SecondFactorModel(
    UserManager<PortalAccount> users,
    PortalSignIn portalSignIn,
    AuthenticatorCheck authenticator,
    TimeProvider time,
    ILogger<SecondFactorModel> logger) : SecondFactorPageModel(users, portalSignIn, authenticator, time, logger)
{
    public async Task<IActionResult> OnGetAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToSignIn();
        }
        return await Users.GetTwoFactorEnabledAsync(account) ? Page() : RedirectToPage("/Accounts/EnrolAuthenticator", new { retour = ReturnUrl });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToSignIn();
        }
        if (!await Users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage("/Accounts/EnrolAuthenticator", new { retour = ReturnUrl });
        }
        return await CheckCodeAsync(account) ? await CompleteAsync(account, ct) : Page();
    }
}
