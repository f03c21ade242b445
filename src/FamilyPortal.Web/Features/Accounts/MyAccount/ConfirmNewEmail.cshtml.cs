using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts.MyAccount;

/// <summary>The link sent to a new address: it becomes the account's address, and the old one is told.</summary>
[AllowAnonymous]
public class ConfirmNewEmailModel(UserManager<PortalAccount> users, AccountEmails emails, EmailOutbox outbox, FamilyPortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? compte, string? email, string? jeton, CancellationToken ct)
    {
        var newEmail = ContactDetails.NormalizeEmail(email);
        if (string.IsNullOrEmpty(compte) || compte.Length > 64 || newEmail is null || string.IsNullOrEmpty(jeton) || jeton.Length > 2000)
        {
            return Page();
        }
        var account = await users.FindByIdAsync(compte);
        if (account is null)
        {
            return Page();
        }
        var oldEmail = account.Email;
        var changed = await db.InTransactionAsync(async token =>
        {
            var result = await users.ChangeEmailAsync(account, newEmail, jeton);
            if (!result.Succeeded)
            {
                return false;
            }
            if (oldEmail is not null)
            {
                emails.EmailChangedNotice(account, oldEmail, newEmail);
            }
            await db.SaveChangesAsync(token);
            await outbox.ReleaseHeldAsync(account.Id, token);
            return true;
        }, ct);
        if (!changed)
        {
            return Page();
        }
        TempData["Notice"] = $"Votre adresse email est désormais {newEmail}.";
        return User.Identity?.IsAuthenticated == true ? RedirectToPage("Index") : RedirectToPage("/Accounts/SignIn", new { identifiant = account.UserName });
    }
}
