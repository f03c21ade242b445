using FamilyPortal.Web.Features.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Platform;

/// <summary>
/// The operator's page of one collectivité: its administrators, whom the operator may suspend, reactivate,
/// make agents or remove (<see cref="StaffMembers"/>, the same rules as « Équipe »), and the invitation of a
/// new administrator. The changes are journalled in the collectivité's own journal.
/// </summary>
public class MunicipalityModel(FamilyPortalDbContext db, StaffMembers members, StaffInvitations invitations, CurrentMunicipality current) : PageModel
{
    public sealed record Administrator(string Id, string Login, string Name, string Email, bool PasswordSet, bool Suspended);

    public string Name { get; private set; } = "";

    public IReadOnlyList<Administrator> Administrators { get; private set; } = [];

    public string? Refusal { get; private set; }

    [BindProperty]
    public StaffInvitationInput Invite { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int municipalityId, CancellationToken ct) =>
        await LoadAsync(municipalityId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSuspendAsync(int municipalityId, string accountId, CancellationToken ct) =>
        ChangeAsync(municipalityId, accountId, StaffChange.Suspend, null, ct);

    public Task<IActionResult> OnPostReactivateAsync(int municipalityId, string accountId, CancellationToken ct) =>
        ChangeAsync(municipalityId, accountId, StaffChange.Reactivate, null, ct);

    public Task<IActionResult> OnPostChangeRoleAsync(int municipalityId, string accountId, string? newRole, CancellationToken ct) =>
        ChangeAsync(municipalityId, accountId, StaffChange.ChangeRole, newRole, ct);

    public Task<IActionResult> OnPostRemoveAsync(int municipalityId, string accountId, CancellationToken ct) =>
        ChangeAsync(municipalityId, accountId, StaffChange.Remove, null, ct);

    public async Task<IActionResult> OnPostInviteAsync(int municipalityId, CancellationToken ct)
    {
        if (!await LoadAsync(municipalityId, ct))
        {
            return NotFound();
        }
        var email = await invitations.ValidateAsync(Invite, nameof(Invite), ModelState.AddModelError);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The operator works on this collectivité for this request: its journal records the new account.
        db.Tenant.Enter(municipalityId);
        await db.InTransactionAsync(async token =>
        {
            await invitations.InviteAsync(Invite, email!, municipalityId, Name, Roles.Administrator);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        Notice = $"Invitation d'administrateur envoyée à {email}.";
        return RedirectToPage(new { municipalityId });
    }

    private async Task<IActionResult> ChangeAsync(int municipalityId, string accountId, StaffChange change, string? newRole, CancellationToken ct)
    {
        if (!await db.Municipalities.AnyAsync(m => m.Id == municipalityId, ct))
        {
            return NotFound();
        }
        db.Tenant.Enter(municipalityId);
        var result = await members.ApplyAsync(new StaffMembers.Request(municipalityId, accountId ?? "", change, newRole, current.AccountId!, ByOperator: true), ct);
        switch (result.Outcome)
        {
            case StaffMembers.Outcome.NotFound:
                return NotFound();
            case StaffMembers.Outcome.LastAdministrator or StaffMembers.Outcome.InvalidRole or StaffMembers.Outcome.Forbidden:
                Refusal = result.Outcome == StaffMembers.Outcome.InvalidRole ? StaffMembers.InvalidRole : StaffMembers.LastAdministrator;
                await LoadAsync(municipalityId, ct);
                return Page();
            default:
                Notice = StaffMembers.Notice(change, result);
                return RedirectToPage(new { municipalityId });
        }
    }

    private async Task<bool> LoadAsync(int municipalityId, CancellationToken ct)
    {
        var name = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }
        Name = name;
        Administrators = await db.Users.AsNoTracking()
            .Where(u => u.StaffMunicipalityId == municipalityId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new Administrator(u.Id, u.UserName!, u.FirstName + " " + u.LastName, u.Email ?? "", u.PasswordHash != null, u.SuspendedAtUtc != null))
            .ToListAsync(ct);
        return true;
    }
}
