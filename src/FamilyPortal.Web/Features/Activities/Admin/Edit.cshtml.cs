using FamilyPortal.Web.Features.Enrolments.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>
/// Creates or edits a prestation. Agents edit its label, site, times, days, places and order; its price and
/// règlement are the administrators' (an agent's form that sends them is refused with 403, and only an
/// administrator creates a prestation, which needs both). A save based on an older version is refused.
/// </summary>
public partial class EditModel(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time) : PageModel
{
    public const string ChangedMeanwhile = "Cette prestation a été modifiée entre-temps par quelqu'un d'autre : voici les valeurs actuelles. Refaites vos modifications puis enregistrez.";

    public sealed record SiteOption(int Id, string Name, string Prefix);

    [BindProperty]
    public ActivityInput Input { get; set; } = new();

    public int? ActivityId { get; private set; }
    public string? SavedLabel { get; private set; }
    public bool IsAdministrator => User.IsInRole(Roles.Administrator);
    public IReadOnlyList<SiteOption> Sites { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Services { get; private set; } = [];

    /// <summary>The prefix shown before the label: the chosen site's.</summary>
    public string Prefix => Sites.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Input.SiteId)?.Prefix
        ?? (Sites.Count > 0 ? Sites[0].Prefix : "");

    public async Task<IActionResult> OnGetAsync(int? activityId, CancellationToken ct)
    {
        ActivityId = activityId;
        if (activityId is null)
        {
            if (!IsAdministrator)
            {
                return Forbid();
            }
            await LoadAsync(null, ct);
            Input = new ActivityInput
            {
                WithPrefix = true,
                SiteId = Sites.Count > 0 ? FormText.Text(Sites[0].Id) : null,
                Days = [.. ServiceDaysText.Week.Where(d => (ServiceDays.SchoolWeek & d.Day) != 0).Select(d => d.Day.ToString())],
                UnitPrice = Euros.Field(0m),
                Enrolment = EnrolmentFields.ToInput(new EnrolmentSettings()),
                ReminderHours = FormText.Text(BookingReminderSettings.DefaultHoursBefore),
            };
            RuleFields.Fill(Input, new BookingRule());
            return Page();
        }
        var activity = await db.Activities.AsNoTracking().Include(a => a.Site).SingleOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
        {
            return NotFound();
        }
        await LoadAsync(activity, ct);
        Input = From(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? activityId, CancellationToken ct)
    {
        ActivityId = activityId;
        var activity = activityId is null ? null : await db.Activities.Include(a => a.Site).SingleOrDefaultAsync(a => a.Id == activityId, ct);
        if (activityId is not null && activity is null)
        {
            return NotFound();
        }
        if (!IsAdministrator && (activity is null || PostsAdministratorFields()))
        {
            return Forbid();
        }
        await LoadAsync(activity, ct);
        if (activity is not null && activity.Version != Input.Version)
        {
            return Refused(activity);
        }
        var values = await ValidateAsync(activity, ct);
        if (values is null)
        {
            return ShowErrors(activity);
        }
        if (activity is null)
        {
            activity = new Activity { MunicipalityId = current.Id!.Value, Label = values.Label };
            db.Activities.Add(activity);
        }
        else
        {
            db.SaveOnlyOverVersion(activity, Input.Version);
        }
        values.ApplyTo(activity);
        ActivityDayLoad? fullerDay;
        try
        {
            // Checked and saved in one transaction: a family validating meanwhile waits for it, so the places
            // already taken on a day never end up above the new capacity.
            fullerDay = await db.InTransactionAsync(async token =>
            {
                var fuller = activityId is not null && values.Capacity is { } places ? await FullestDayAboveAsync(activity.Id, places, token) : null;
                if (fuller is null)
                {
                    await db.SaveChangesAsync(token);
                }
                return fuller;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(activity).ReloadAsync(ct);
            return Refused(activity);
        }
        catch (DbUpdateException)
        {
            // A colleague saved the same label between the check above and this save: the unique index refused it.
            if (!await LabelTakenAsync(values.SiteId, values.Label, activity.Id, ct))
            {
                throw;
            }
            ModelState.AddModelError("Input.Label", LabelTaken(values.Label));
            return ShowErrors(activity);
        }
        if (fullerDay is not null)
        {
            ModelState.AddModelError("Input.Capacity",
                $"Déjà {fullerDay.Booked} réservation(s) le {FrenchDates.Numeric(fullerDay.Date)} : la capacité habituelle ne peut pas être inférieure à {fullerDay.Booked}. Pour réduire les places de certains jours seulement, utilisez « Places par date ».");
            return ShowErrors(activity);
        }
        // More enrolment places, or automatic promotion newly chosen: the waiting list gets them now.
        await HttpContext.RequestServices.GetRequiredService<EnrolmentDecisions>().FillFreedPlacesAsync(activity.Id, ct);
        TempData["Notice"] = activityId is null ? $"La prestation {activity.Label} est créée." : $"La prestation {activity.Label} est enregistrée.";
        return RedirectToPage("Index", new { site = activity.SiteId });
    }

    private static string LabelTaken(string label) => $"Une prestation du site s'appelle déjà « {label} ».";

    private Task<bool> LabelTakenAsync(int siteId, string label, int activityId, CancellationToken ct) =>
        db.Activities.AnyAsync(a => a.SiteId == siteId && a.Label == label && a.Id != activityId, ct);

    private PageResult ShowErrors(Activity? activity)
    {
        if (!IsAdministrator)
        {
            // The agent's form shows the price and the règlement without sending them.
            Input.UnitPrice = Euros.Field(activity!.UnitPrice);
            RuleFields.Fill(Input, activity.Rule);
        }
        return Page();
    }

    /// <summary>The day from today on, without a capacity of its own, whose places taken exceed <paramref name="places"/> the most.</summary>
    private Task<ActivityDayLoad?> FullestDayAboveAsync(int activityId, int places, CancellationToken ct)
    {
        var today = ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);
        return db.ActivityDayLoads.AsNoTracking()
            .Where(l => l.ActivityId == activityId && l.Date >= today && l.Booked > places
                && !db.CapacityOverrides.Any(o => o.ActivityId == activityId && o.Date == l.Date))
            .OrderByDescending(l => l.Booked).ThenBy(l => l.Date)
            .FirstOrDefaultAsync(ct);
    }

    private bool PostsAdministratorFields() =>
        Request.HasFormContentType && Request.Form.Keys.Any(key =>
            ActivityInput.AdministratorFields.Any(field => key.StartsWith(field, StringComparison.OrdinalIgnoreCase)));

    private PageResult Refused(Activity activity)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, ChangedMeanwhile);
        Input = From(activity);
        return Page();
    }

    private async Task LoadAsync(Activity? activity, CancellationToken ct)
    {
        // An archived site stays in the list for the activities already on it.
        var siteId = activity?.SiteId;
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived || s.Id == siteId).OrderBy(s => s.Name)
            .Select(s => new SiteOption(s.Id, s.Name, s.Prefix)).ToListAsync(ct);
        Services = (await db.ServiceKinds.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        SavedLabel = activity?.Label;
    }
}
