using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// « Mes réservations »: the invitation to join a collectivité, the choice between several, then the week
/// grid of the chosen child and service with the panier beside it. Every cell is a button of one form, so
/// the grid works without JavaScript; grid.js only saves the page reload.
/// </summary>
[Authorize]
public class IndexModel(
    FamilyPortalDbContext db,
    ReferenceCalendar reference,
    CurrentMunicipality current,
    FamilyActivities family,
    WeekGridBuilder grids,
    BasketReader baskets,
    BasketService basket,
    TimeProvider time) : PageModel
{
    public const string FetchHeader = "X-Requested-With";

    public CurrentMunicipality Current => current;

    [BindProperty(SupportsGet = true, Name = "enfant")] public int? Enfant { get; set; }
    [BindProperty(SupportsGet = true, Name = "service")] public string? Service { get; set; }
    [BindProperty(SupportsGet = true, Name = "annee")] public int? Annee { get; set; }
    [BindProperty(SupportsGet = true, Name = "semaine")] public string? Semaine { get; set; }
    [BindProperty(SupportsGet = true, Name = "vue")] public string? Vue { get; set; }

    public IReadOnlyList<Child> Children { get; private set; } = [];
    public Child? Child { get; private set; }
    public IReadOnlyList<ServiceOption> Services { get; private set; } = [];
    public ServiceOption? SelectedService { get; private set; }
    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];
    public SchoolYear? Year { get; private set; }
    public IReadOnlyList<WeekGrid> Weeks { get; private set; } = [];
    public BasketView Basket { get; private set; } = new([], []);
    public GridQuery Query { get; private set; } = new(null, null, null, null, false);
    public DateOnly Today { get; private set; }

    /// <summary>The message of the last change, carried across the redirect after a POST without JavaScript.</summary>
    [TempData] public string? Flash { get; set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public PeriodResult? Period { get; private set; }

    public sealed record PeriodResult(int Added, IReadOnlyList<BasketService.Skipped> Skipped);

    private ParentScope? Scope => ParentScope.Of(current);

    /// <summary>The view as the address or the posted hidden fields ask for it, before defaults are filled in.</summary>
    private GridQuery Requested => new(Enfant, Service, Annee, GridQuery.ParseDay(Semaine), Vue == "periode");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Flash;
        await LoadAsync(ct);
    }

    /// <summary>A click on a cell: « activityId:yyyy-MM-dd » for the child shown.</summary>
    public async Task<IActionResult> OnPostCellAsync(string? cellule, CancellationToken ct)
    {
        if (Scope is not { } scope || Enfant is not { } childId || !TryParseCell(cellule, out var activityId, out var day))
        {
            return await RefuseAsync(new ReservationRefusedException("Demande invalide.", StatusCodes.Status400BadRequest), ct);
        }
        string message;
        try
        {
            var state = await basket.ToggleAsync(scope, childId, activityId, day, ct);
            message = state switch
            {
                CellState.ToAdd => $"{FrenchDates.Spelled(day)} ajouté au panier.",
                CellState.ToCancel => $"Demande d'annulation du {FrenchDates.Spelled(day)} ajoutée au panier.",
                _ => $"{FrenchDates.Spelled(day)} retiré du panier.",
            };
        }
        catch (ReservationRefusedException refusal)
        {
            return await RefuseAsync(refusal, ct);
        }
        return await AfterChangeAsync(message, ct);
    }

    /// <summary>« Réserver sur une période ».</summary>
    public async Task<IActionResult> OnPostPeriodAsync(int? prestation, string? du, string? au, int[]? jours, bool fratrie, CancellationToken ct)
    {
        var from = ParseDate(du);
        var to = ParseDate(au);
        var weekdays = (jours ?? []).Where(d => d is >= 0 and <= 6)
            .Aggregate(ServiceDays.None, (all, d) => all | ServiceDaysExtensions.FromDayOfWeek((DayOfWeek)d));
        if (Scope is not { } scope || Enfant is not { } childId || prestation is not { } activityId)
        {
            return await RefuseAsync(new ReservationRefusedException("Choisissez une prestation.", StatusCodes.Status400BadRequest), ct);
        }
        if (from is null || to is null)
        {
            return await RefuseAsync(new ReservationRefusedException("Saisissez les dates « du » et « au ».", StatusCodes.Status400BadRequest), ct);
        }
        if (weekdays == ServiceDays.None)
        {
            return await RefuseAsync(new ReservationRefusedException("Cochez au moins un jour de la semaine.", StatusCodes.Status400BadRequest), ct);
        }
        try
        {
            var (added, skipped) = await basket.FillPeriodAsync(scope, childId, activityId, from.Value, to.Value, weekdays, fratrie, ct);
            await LoadAsync(ct);
            Period = new PeriodResult(added, skipped);
            Message = added == 0 ? "Aucun jour n'a été ajouté au panier." : $"{added} jour{(added > 1 ? "s" : "")} ajouté{(added > 1 ? "s" : "")} au panier.";
            MessageIsError = added == 0;
            return Page();
        }
        catch (ReservationRefusedException refusal)
        {
            return await RefuseAsync(refusal, ct);
        }
    }

    private async Task<IActionResult> AfterChangeAsync(string message, CancellationToken ct)
    {
        if (Request.Headers[FetchHeader] == "fetch")
        {
            await LoadAsync(ct);
            Message = message;
            return Page();
        }
        // The posted hidden fields name the view; the GET after the redirect reads the grid once.
        Flash = message;
        return Redirect(Requested.Url());
    }

    private async Task<IActionResult> RefuseAsync(ReservationRefusedException refusal, CancellationToken ct)
    {
        await LoadAsync(ct);
        Message = refusal.Message;
        MessageIsError = true;
        Response.StatusCode = refusal.StatusCode;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ParisToday();
        Query = Requested;
        if (Scope is not { } scope)
        {
            return;
        }
        await using var connection = await ConnectionHold.OpenAsync(db, ct);
        Children = await family.ChildrenAsync(scope, ct);
        Child = Children.FirstOrDefault(c => c.Id == Enfant) ?? (Children.Count > 0 ? Children[0] : null);
        Basket = await baskets.ReadAsync(scope, ct);
        if (Child is null)
        {
            return;
        }
        Services = ServiceOption.From(await family.ActivitiesForAsync(Child, ct));
        SelectedService = Services.FirstOrDefault(s => s.Value == Service) ?? (Services.Count > 0 ? Services[0] : null);
        Years = (await reference.GetAsync(ct)).SchoolYears;
        Year = Years.FirstOrDefault(y => y.Id == Annee)
            ?? Years.FirstOrDefault(y => y.Contains(Today))
            ?? Years.FirstOrDefault(y => y.StartDate > Today)
            ?? (Years.Count > 0 ? Years[^1] : null);
        var monday = Query.Semaine ?? Deadline.MondayOf(Year is { } year && !year.Contains(Today) ? year.StartDate : Today);
        Query = Query with { Enfant = Child.Id, Service = SelectedService?.Value, Annee = Year?.Id, Semaine = monday };
        if (SelectedService is not null)
        {
            Weeks = await grids.BuildAsync(Basket, Child, SelectedService.Activities, monday, Query.WeekCount, ct);
        }
    }

    private DateOnly ParisToday() => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool TryParseCell(string? value, out int activityId, out DateOnly day)
    {
        activityId = 0;
        day = default;
        var parts = value?.Split(':');
        return parts is { Length: 2 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out activityId)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
