using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Sign-out ends the server-side session: the old cookie no longer works, even replayed.</summary>
[Authorize]
public class SignOutModel(PortalSignIn signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await signIn.SignOutAsync(ct);
        TempData["Notice"] = "Vous êtes déconnecté.";
        return RedirectToPage("SignIn");
    }
}
