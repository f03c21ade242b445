using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reminders.Admin;

/// <summary>« Relances »: whether unpaid invoices are reminded, when (up to three reminders) and with what words. Administrators change it.</summary>
[AdministratorHandlers("Save")]
public class SettingsModel(FamilyPortalDbContext db, CurrentMunicipality current) : PageModel
{
    public sealed class SettingsInput
    {
        public string? Enabled { get; set; }
        public string? First { get; set; }
        public string? Second { get; set; }
        public string? Third { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public bool IsAdministrator => User.IsInRole(Roles.Administrator);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == current.Id, ct);
        Input = new SettingsInput
        {
            Enabled = m.RemindersEnabled ? "true" : null,
            First = FormText.Text(m.FirstReminderDays),
            Second = FormText.Text(m.SecondReminderDays),
            Third = FormText.Text(m.ThirdReminderDays),
            Text = m.ReminderText,
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Input.Enabled is not (null or "true"))
        {
            ModelState.AddModelError("Input.Enabled", "Cochez la case ou laissez-la vide.");
        }
        var fields = new[] { ("Input.First", Input.First), ("Input.Second", Input.Second), ("Input.Third", Input.Third) };
        var days = new int?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = fields[i].Item2?.Trim() ?? "";
            if (text.Length == 0)
            {
                continue;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                days[i] = value;
            }
            else
            {
                ModelState.AddModelError(fields[i].Item1, $"Le délai de la relance {i + 1} est un nombre de jours entre 1 et {ReminderSchedule.MaxDays}.");
            }
        }
        var enabled = Input.Enabled == "true";
        if (ModelState.IsValid && ReminderSchedule.Check(days, enabled) is var (level, message))
        {
            ModelState.AddModelError(fields[level - 1].Item1, message);
        }
        var words = (Input.Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (words.Length > Municipality.MaxReminderTextLength || words.Any(c => char.IsControl(c) && c != '\n'))
        {
            ModelState.AddModelError("Input.Text", $"Le texte des relances compte {Municipality.MaxReminderTextLength} caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var municipality = await db.Municipalities.SingleAsync(m => m.Id == current.Id, ct);
        municipality.RemindersEnabled = enabled;
        (municipality.FirstReminderDays, municipality.SecondReminderDays, municipality.ThirdReminderDays) = (days[0], days[1], days[2]);
        municipality.ReminderText = words.Length == 0 ? null : words;
        await db.SaveChangesAsync(ct);
        Notice = enabled ? "Les relances sont enregistrées : elles partent chaque jour pour les factures impayées concernées." : "Les relances automatiques sont arrêtées.";
        return RedirectToPage();
    }
}
