using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Staff.Admin;

/// <summary>« Équipe »: the staff accounts of the collectivité and the invitation of new ones (administrators only).</summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class IndexModel(FamilyPortalDbContext db, StaffInvitations invitations, CurrentMunicipality current,
    UserManager<PortalAccount> users, AccountSessions sessions) : PageModel
{
    public sealed record Member(string Id, string Login, string Name, string Email, string Role, bool PasswordSet, bool SecondFactor);

    public static readonly IReadOnlyList<(string Value, string Label)> RoleChoices =
        [(Roles.Agent, "Agent"), (Roles.Administrator, "Administrateur")];

    public IReadOnlyList<Member> Members { get; private set; } = [];

    [BindProperty]
    public StaffInvitationInput Invite { get; set; } = new();

    [BindProperty]
    public string? Role { get; set; } = Roles.Agent;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (RoleChoices.All(r => r.Value != Role))
        {
            ModelState.AddModelError(nameof(Role), "Choisissez le rôle : Agent ou Administrateur.");
        }
        var email = await invitations.ValidateAsync(Invite, nameof(Invite), ModelState.AddModelError);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var municipalityId = current.Id!.Value;
        await db.InTransactionAsync(async token =>
        {
            await invitations.InviteAsync(Invite, email!, municipalityId, current.Name!, Role!);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        Notice = $"Invitation envoyée à {email}.";
        return RedirectToPage();
    }

    /// <summary>A lost phone: the staff member enrols a new authenticator at the next sign-in; their sessions end now.</summary>
    public async Task<IActionResult> OnPostResetSecondFactorAsync(string accountId, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == accountId && u.StaffMunicipalityId == current.Id, ct);
        if (account is null)
        {
            return NotFound();
        }
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await sessions.EndAllAsync(account.Id, exceptSessionId: null, ct);
        Notice = $"Le second facteur de {account.UserName} est réinitialisé : une nouvelle application sera demandée à sa prochaine connexion.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var municipalityId = current.Id;
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.StaffMunicipalityId == municipalityId)
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FirstName,
                u.LastName,
                u.Email,
                HasPassword = u.PasswordHash != null,
                u.TwoFactorEnabled,
                IsAdministrator = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)),
            })
            .ToListAsync(ct);
        Members = accounts.Select(a => new Member(a.Id, a.UserName!, $"{a.FirstName} {a.LastName}", a.Email ?? "",
            a.IsAdministrator ? "Administrateur" : "Agent", a.HasPassword, a.TwoFactorEnabled)).ToList();
    }
}
