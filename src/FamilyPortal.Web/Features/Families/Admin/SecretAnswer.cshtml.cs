using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families.Admin;

/// <summary>
/// Checks what a caller says against the secret answer of an account linked to the family, to know who is
/// on the phone. The answer itself is never shown (only its hash is stored); checks are rate-limited per
/// staff member and do not count towards the parent's lockout.
/// </summary>
[EnableRateLimiting(RateLimiting.SecretAnswerCheck)]
public class SecretAnswerModel(FamilyPortalDbContext db, UserManager<PortalAccount> users, ILogger<SecretAnswerModel> logger) : PageModel
{
    [BindProperty]
    public string? Answer { get; set; }

    public int FamilyId { get; private set; }
    public string Login { get; private set; } = "";
    public string? Question { get; private set; }
    public bool? Correct { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int membershipId, CancellationToken ct) =>
        await LoadAsync(id, membershipId, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, int membershipId, CancellationToken ct)
    {
        var account = await LoadAsync(id, membershipId, ct);
        if (account is null)
        {
            return NotFound();
        }
        if (account.SecretAnswerHash is null)
        {
            ModelState.AddModelError(nameof(Answer), "Ce compte n'a pas de question secrète.");
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Answer))
        {
            ModelState.AddModelError(nameof(Answer), "Saisissez la réponse donnée par votre interlocuteur.");
            return Page();
        }
        Correct = users.PasswordHasher.VerifyHashedPassword(account, account.SecretAnswerHash, SecretAnswer.Normalize(Answer))
            != PasswordVerificationResult.Failed;
        logger.LogInformation("Vérification de la réponse secrète du compte {AccountId} : {Result}", account.Id, Correct.Value ? "correcte" : "incorrecte");
        Answer = null;
        ModelState.Clear();
        return Page();
    }

    private async Task<PortalAccount?> LoadAsync(int id, int membershipId, CancellationToken ct)
    {
        FamilyId = id;
        var accountId = await db.Memberships.Where(m => m.Id == membershipId && m.FamilyId == id).Select(m => m.AccountId).SingleOrDefaultAsync(ct);
        if (accountId is null)
        {
            return null;
        }
        var account = await users.FindByIdAsync(accountId);
        Login = account?.UserName ?? "";
        Question = account?.SecretQuestion;
        return account;
    }
}
