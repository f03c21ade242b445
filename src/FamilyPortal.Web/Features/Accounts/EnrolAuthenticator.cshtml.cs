using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// First sign-in of a staff account: the key to add to an authenticator app, then a first code that proves
/// the app was set up. The key stays the same until the enrolment succeeds.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public class EnrolAuthenticatorModel(
    UserManager<PortalAccount> users,
    PortalSignIn portalSignIn,
    AuthenticatorCheck authenticator,
    TimeProvider time,
    ILogger<EnrolAuthenticatorModel> logger) : SecondFactorPageModel(users, portalSignIn, authenticator, time, logger)
{
    public string SharedKey { get; private set; } = "";

    public string OtpAuthUri { get; private set; } = "";

    public string AccountName { get; private set; } = "";

    /// <summary>The otpauth address as a QR code, for the apps that scan it.</summary>
    public QrCodeImage? QrCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToSignIn();
        }
        if (await Users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage("/Accounts/SecondFactor", new { retour = ReturnUrl });
        }
        await LoadKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await PendingAccountAsync();
        if (account is null)
        {
            return BackToSignIn();
        }
        if (await Users.GetTwoFactorEnabledAsync(account))
        {
            return RedirectToPage("/Accounts/SecondFactor", new { retour = ReturnUrl });
        }
        if (!await CheckCodeAsync(account))
        {
            await LoadKeyAsync(account);
            return Page();
        }
        await Users.SetTwoFactorEnabledAsync(account, true);
        return await CompleteAsync(account, ct);
    }

    private async Task LoadKeyAsync(PortalAccount account)
    {
        var key = await Users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(account);
            key = await Users.GetAuthenticatorKeyAsync(account) ?? throw new InvalidOperationException("No authenticator key.");
        }
        // The page carries the secret key: no copy in any cache.
        Response.Headers.CacheControl = "no-store";
        AccountName = account.UserName!;
        SharedKey = SecondFactor.FormatKey(key);
        OtpAuthUri = SecondFactor.OtpAuthUri(key, account.UserName!);
        QrCode = QrCodeImage.For(OtpAuthUri);
    }
}
