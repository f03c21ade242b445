using System.Text.RegularExpressions;
using FamilyPortal.Web.Features.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Platform;

/// <summary>A new collectivité and the invitation of its first administrator, together or not at all.</summary>
public partial class CreateModel(FamilyPortalDbContext db, StaffInvitations invitations, TimeProvider time) : PageModel
{
    public sealed class MunicipalityInput
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? ContactEmail { get; set; }
        public string? TimeZoneId { get; set; } = Municipality.DefaultTimeZone;
    }

    [BindProperty]
    public MunicipalityInput Input { get; set; } = new();

    [BindProperty]
    public StaffInvitationInput Admin { get; set; } = new();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortNamePattern();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", "Le nom de la collectivité est obligatoire (200 caractères au plus).");
        }
        var shortName = Input.ShortName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(shortName) || !ShortNamePattern().IsMatch(shortName))
        {
            ModelState.AddModelError("Input.ShortName", "Le nom court est obligatoire : lettres minuscules sans accent, chiffres et « - », 50 caractères au plus.");
        }
        else if (await db.Municipalities.AnyAsync(m => m.ShortName == shortName, ct))
        {
            ModelState.AddModelError("Input.ShortName", "Ce nom court est déjà utilisé par une autre collectivité.");
        }
        var contactEmail = ContactDetails.NormalizeEmail(Input.ContactEmail);
        if (contactEmail is null)
        {
            ModelState.AddModelError("Input.ContactEmail", "Saisissez une adresse email valide, par exemple mairie@commune.fr.");
        }
        var timeZone = string.IsNullOrWhiteSpace(Input.TimeZoneId) ? Municipality.DefaultTimeZone : Input.TimeZoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            ModelState.AddModelError("Input.TimeZoneId", "Fuseau horaire inconnu : utilisez un nom IANA, par exemple Europe/Paris.");
        }
        var adminEmail = await invitations.ValidateAsync(Admin, nameof(Admin), ModelState.AddModelError);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.InTransactionAsync(async token =>
        {
            var municipality = new Municipality
            {
                Name = name!,
                ShortName = shortName!,
                ContactEmail = contactEmail!,
                TimeZoneId = timeZone,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(token);
            await invitations.InviteAsync(Admin, adminEmail!, municipality.Id, municipality.Name, Roles.Administrator);
            await db.SaveChangesAsync(token);
            return municipality.Id;
        }, ct);
        TempData["Notice"] = $"La collectivité {name} est créée ; une invitation a été envoyée à {adminEmail}.";
        return RedirectToPage("/Platform/Index");
    }
}
