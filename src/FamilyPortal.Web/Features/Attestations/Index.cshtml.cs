using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attestations;

/// <summary>
/// « Mes attestations »: parents make the attestation fiscale of a year or the attestation de présence of a period
/// for one of their own children, and find those already made. Another family's child answers 404.
/// </summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, AttestationIssuer issuer) : PageModel
{
    public sealed class TaxInput
    {
        public string? ChildId { get; set; }
        public string? Year { get; set; }
    }

    public sealed class PresenceInput
    {
        public string? ChildId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public sealed record Row(int Id, string Number, string Title, string Child, string Period, string? Amount);

    [BindProperty]
    public TaxInput Tax { get; set; } = new();

    [BindProperty]
    public PresenceInput Attendance { get; set; } = new();

    public CurrentMunicipality Current => current;
    public IReadOnlyList<(int Id, string Name)> Children { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Row> Made { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Children.Count > 0)
        {
            Tax = new TaxInput { ChildId = Text(Children[0].Id), Year = Text(Years[0]) };
            Attendance = new PresenceInput { ChildId = Text(Children[0].Id) };
        }
    }

    public async Task<IActionResult> OnPostTaxAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var childId = ChildId(Tax.ChildId);
        if (childId is null)
        {
            return NotFound();
        }
        var years = TaxCredit.Years(issuer.Today);
        var year = int.TryParse(Tax.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && years.Contains(y) ? y : (int?)null;
        if (year is null)
        {
            ModelState.AddModelError("Tax.Year", "Choisissez une année de la liste.");
            return await RefusedAsync(ct);
        }
        return await ResultAsync(() => issuer.TaxAsync(familyId, childId.Value, year.Value, current.AccountId, ct), "Tax", ct);
    }

    public async Task<IActionResult> OnPostPresenceAsync(CancellationToken ct)
    {
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return NotFound();
        }
        var childId = ChildId(Attendance.ChildId);
        if (childId is null)
        {
            return NotFound();
        }
        var (from, to) = (FormText.Date(Attendance.From), FormText.Date(Attendance.To));
        if (Presence.CheckPeriod(from, to, issuer.Today) is var (field, message))
        {
            ModelState.AddModelError("Attendance." + field, message);
            return await RefusedAsync(ct);
        }
        return await ResultAsync(() => issuer.PresenceAsync(familyId, childId.Value, from!.Value, to!.Value, current.AccountId, ct), "Attendance", ct);
    }

    private static int? ChildId(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private async Task<IActionResult> ResultAsync(Func<Task<AttestationIssuer.Outcome>> make, string form, CancellationToken ct)
    {
        AttestationIssuer.Outcome outcome;
        try
        {
            outcome = await make();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        if (outcome.AttestationId is { } id)
        {
            return Redirect($"/factures/attestations/{id}/pdf");
        }
        ModelState.AddModelError(outcome.Field.Length == 0 ? "" : $"{form}.{outcome.Field}", outcome.Message!);
        return await RefusedAsync(ct);
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Years = TaxCredit.Years(issuer.Today);
        if (current is not { IsParent: true, FamilyId: { } familyId })
        {
            return;
        }
        Children = (await db.Children.AsNoTracking().Where(c => c.FamilyId == familyId).OrderBy(c => c.FirstName)
            .Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync(ct)).Select(c => (c.Id, $"{c.FirstName} {c.LastName}")).ToList();
        var made = await db.Attestations.AsNoTracking().Where(a => a.FamilyId == familyId)
            .OrderByDescending(a => a.Year).ThenByDescending(a => a.Sequence).Take(100).ToListAsync(ct);
        Made = made.Select(a => new Row(a.Id, a.Number, AttestationTexts.Title(a.Kind), a.ChildName, AttestationTexts.Period(a),
            a.Amount is { } amount ? Money.Format(amount) : null)).ToList();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
