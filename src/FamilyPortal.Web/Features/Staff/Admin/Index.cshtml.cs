using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Staff.Admin;

/// <summary>
/// « Équipe » (administrators only): the staff accounts of the collectivité, the invitation of new ones, and
/// for each account its second factor, suspension, role and removal (<see cref="StaffMembers"/>).
/// </summary>
[Authorize(Policy = StaffAuthorization.Administrator)]
public class IndexModel(FamilyPortalDbContext db, StaffInvitations invitations, StaffMembers members, CurrentMunicipality current,
    UserManager<PortalAccount> users, AccountSessions sessions) : PageModel
{
    public sealed record Member(string Id, string Login, string Name, string Email, string Role, bool PasswordSet, bool SecondFactor, bool Suspended)
    {
        public bool IsAdministrator => Role == Roles.Administrator;
    }

    public static IReadOnlyList<(string Value, string Label)> RoleChoices => StaffMembers.RoleChoices;

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>Why a change asked from a row was refused, shown above the list.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The signed-in administrator: their own row says so.</summary>
    public string? Me => current.AccountId;

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

    public Task<IActionResult> OnPostSuspendAsync(string accountId, CancellationToken ct) => ChangeAsync(accountId, StaffChange.Suspend, null, ct);

    public Task<IActionResult> OnPostReactivateAsync(string accountId, CancellationToken ct) => ChangeAsync(accountId, StaffChange.Reactivate, null, ct);

    public Task<IActionResult> OnPostChangeRoleAsync(string accountId, string? newRole, CancellationToken ct) => ChangeAsync(accountId, StaffChange.ChangeRole, newRole, ct);

    public Task<IActionResult> OnPostRemoveAsync(string accountId, CancellationToken ct) => ChangeAsync(accountId, StaffChange.Remove, null, ct);

    private async Task<IActionResult> ChangeAsync(string accountId, StaffChange change, string? newRole, CancellationToken ct)
    {
        var result = await members.ApplyAsync(new StaffMembers.Request(current.Id!.Value, accountId ?? "", change, newRole, current.AccountId!, ByOperator: false), ct);
        switch (result.Outcome)
        {
            case StaffMembers.Outcome.NotFound:
                return NotFound();
            case StaffMembers.Outcome.Forbidden:
                return Forbid();
            case StaffMembers.Outcome.LastAdministrator or StaffMembers.Outcome.InvalidRole:
                Refusal = result.Outcome == StaffMembers.Outcome.InvalidRole ? StaffMembers.InvalidRole : StaffMembers.LastAdministrator;
                await LoadAsync(ct);
                return Page();
            default:
                Notice = StaffMembers.Notice(change, result);
                return RedirectToPage();
        }
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
                u.SuspendedAtUtc,
                IsAdministrator = db.UserRoles.Any(ur => ur.UserId == u.Id
                    && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)),
            })
            .ToListAsync(ct);
        Members = accounts.Select(a => new Member(a.Id, a.UserName!, $"{a.FirstName} {a.LastName}", a.Email ?? "",
            a.IsAdministrator ? Roles.Administrator : Roles.Agent, a.HasPassword, a.TwoFactorEnabled, a.SuspendedAtUtc is not null)).ToList();
    }
}
