using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments.Admin;

/// <summary>
/// The staff queue of inscriptions: requests of an activity (or all), by state, accepted or refused one by
/// one or in bulk; inscriptions withdrawn when a child leaves. Every decision is emailed to the family, and
/// a place it frees goes to the first on the waiting list.
/// </summary>
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, EnrolmentDecisions decisions) : PageModel
{
    public sealed record Row(Enrolment Enrolment, string ChildName, string? SchoolClass, string Household, string Activity, int? Rank)
    {
        public string State => EnrolmentStateText.Describe(Enrolment.State, Rank, Enrolment.RefusalReason);
    }

    [BindProperty(SupportsGet = true, Name = "activite")] public int? Activite { get; set; }
    [BindProperty(SupportsGet = true, Name = "etat")] public string? Etat { get; set; }

    public IReadOnlyList<(int Id, string Label)> Activities { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public static readonly IReadOnlyList<(string Value, string Label, EnrolmentState[] States)> Filters =
    [
        ("a-traiter", "À traiter (demandes et liste d'attente)", [EnrolmentState.Pending, EnrolmentState.Waiting, EnrolmentState.Offered]),
        ("inscrits", "Inscrits", [EnrolmentState.Enrolled]),
        ("tous", "Toutes les demandes", Enum.GetValues<EnrolmentState>()),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>« accepter », « refuser » or « retirer », from the button pressed.</summary>
    [BindProperty(Name = "decision")] public string? Decision { get; set; }
    [BindProperty(Name = "ids")] public int[]? Ids { get; set; }
    /// <summary>The reason of a refusal, sent to the family; shown again beside its error.</summary>
    [BindProperty(Name = "motif")] public string? Motif { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var decision = Decision;
        var chosen = (Ids ?? []).Distinct().ToList();
        var reason = Motif?.Trim() ?? "";
        if (decision is not ("accepter" or "refuser" or "retirer"))
        {
            ModelState.AddModelError("decision", "Choisissez « Accepter », « Refuser » ou « Retirer ».");
        }
        if (chosen.Count is 0 or > 500)
        {
            ModelState.AddModelError("ids", "Cochez au moins une demande (500 au plus).");
        }
        if (decision == "refuser" && reason.Length == 0)
        {
            ModelState.AddModelError("motif", "Indiquez le motif du refus : il est envoyé à la famille.");
        }
        else if (reason.Length > Enrolment.MaxReasonLength || reason.Any(char.IsControl))
        {
            ModelState.AddModelError("motif", $"Le motif tient sur une ligne de {Enrolment.MaxReasonLength} caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return await ShowErrorsAsync(StatusCodes.Status400BadRequest, ct);
        }
        var staff = current.AccountId!;
        try
        {
            var outcome = decision switch
            {
                "accepter" => await decisions.AcceptAsync(chosen, staff, ct),
                "refuser" => await decisions.RefuseAsync(chosen, reason, staff, ct),
                _ => await decisions.WithdrawAsync(chosen, staff, ct),
            };
            Notice = decision switch
            {
                "accepter" => $"{outcome.Enrolled} inscription(s) acceptée(s)" + (outcome.Waiting > 0 ? $", {outcome.Waiting} en liste d'attente faute de place." : "."),
                "refuser" => $"{outcome.Refused} demande(s) refusée(s).",
                _ => $"{outcome.Withdrawn} inscription(s) retirée(s).",
            } + " Les familles sont prévenues par courriel.";
        }
        catch (EnrolmentRefusedException refusal)
        {
            ModelState.AddModelError("ids", refusal.Message);
            return await ShowErrorsAsync(refusal.StatusCode, ct);
        }
        return RedirectToPage(new { activite = Activite, etat = Etat });
    }

    private async Task<IActionResult> ShowErrorsAsync(int status, CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Activities = (await db.Activities.AsNoTracking().Where(a => a.Enrolment.Mode != EnrolmentMode.None)
            .OrderBy(a => a.Label).Select(a => new { a.Id, a.Label }).ToListAsync(ct)).Select(a => (a.Id, a.Label)).ToList();
        var states = Filters.FirstOrDefault(f => f.Value == Etat).States ?? Filters[0].States;
        var query = db.Enrolments.AsNoTracking().Where(e => states.Contains(e.State));
        if (Activite is { } activityId)
        {
            query = query.Where(e => e.ActivityId == activityId);
        }
        var rows = await (from e in query
                          join c in db.Children on e.ChildId equals c.Id
                          join f in db.Families on c.FamilyId equals f.Id
                          join a in db.Activities on e.ActivityId equals a.Id
                          orderby a.Label, e.StartDate, e.State, e.WaitingSinceUtc, e.RequestedAtUtc, e.Id
                          select new { e, c.FirstName, c.LastName, c.SchoolClass, f.HouseholdName, a.Label })
                         .Take(1000).ToListAsync(ct);
        var ranks = rows.Where(r => r.e.State == EnrolmentState.Waiting).GroupBy(r => (r.e.ActivityId, r.e.StartDate))
            .SelectMany(g => EnrolmentDecision.Ranks(g.Select(r => (r.e.Id, r.e.WaitingSinceUtc ?? r.e.RequestedAtUtc))))
            .ToDictionary(r => r.Key, r => r.Value);
        Rows = rows.Select(r => new Row(r.e, $"{r.FirstName} {r.LastName}", r.SchoolClass, r.HouseholdName, r.Label,
            ranks.TryGetValue(r.e.Id, out var rank) ? rank : null)).ToList();
    }
}
