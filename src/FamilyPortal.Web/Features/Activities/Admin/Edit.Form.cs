using FamilyPortal.Web.Features.Enrolments.Admin;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>The form of a prestation: its fields read and checked into values, and an activity shown as fields.</summary>
public partial class EditModel
{
    private sealed record Values(string Label, int SiteId, int ServiceKindId, TimeOnly? Start, TimeOnly? End, ServiceDays Days,
        int? Capacity, int SortOrder, decimal? UnitPrice, BookingRule? Rule, EnrolmentSettings Enrolment, bool TaxCreditEligible, BookingReminderSettings Reminder)
    {
        public void ApplyTo(Activity activity)
        {
            (activity.Label, activity.SiteId, activity.ServiceKindId) = (Label, SiteId, ServiceKindId);
            (activity.StartTime, activity.EndTime, activity.Days) = (Start, End, Days);
            (activity.Capacity, activity.SortOrder, activity.Enrolment) = (Capacity, SortOrder, Enrolment);
            activity.TaxCreditEligible = TaxCreditEligible;
            activity.BookingReminder = Reminder;
            // Null for an agent: the price and the règlement stay as they are.
            if (UnitPrice is { } price)
            {
                activity.UnitPrice = price;
            }
            if (Rule is not null)
            {
                activity.Rule = Rule;
            }
        }
    }

    private async Task<Values?> ValidateAsync(Activity? activity, CancellationToken ct)
    {
        var site = Sites.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Input.SiteId);
        if (site is null)
        {
            ModelState.AddModelError("Input.SiteId", "Choisissez un site de la liste.");
        }
        var service = Services.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == Input.ServiceKindId);
        if (service == default)
        {
            ModelState.AddModelError("Input.ServiceKindId", "Choisissez un service de la liste.");
        }
        var words = Input.Label?.Trim() ?? "";
        var label = site is null ? words : ActivityLabel.Compose(site.Prefix, words, Input.WithPrefix);
        if (words.Length == 0 || label.Length > 200)
        {
            ModelState.AddModelError("Input.Label", "Le libellé est obligatoire (200 caractères au plus, préfixe compris).");
        }
        else if (site is not null && await LabelTakenAsync(site.Id, label, activity?.Id ?? 0, ct))
        {
            ModelState.AddModelError("Input.Label", LabelTaken(label));
        }
        var (start, end) = ReadTimes();
        var days = ServiceDays.None;
        foreach (var day in Input.Days)
        {
            var known = ServiceDaysText.Week.FirstOrDefault(d => d.Day.ToString() == day);
            days |= known.Day;
            if (known.Day == ServiceDays.None)
            {
                days = ServiceDays.None;
                break;
            }
        }
        if (days == ServiceDays.None)
        {
            ModelState.AddModelError("Input.Days", "Cochez au moins un jour de la semaine.");
        }
        var capacity = FormText.Number(ModelState, "Input.Capacity", Input.Capacity, 1, 10_000,
            "La capacité est un nombre de places entre 1 et 10 000 ; laissez vide pour un nombre illimité.");
        var sortOrder = FormText.Number(ModelState, "Input.SortOrder", Input.SortOrder, 0, 9_999,
            "L'ordre d'affichage est un nombre entre 0 et 9 999.") ?? 0;
        decimal? price = null;
        BookingRule? rule = null;
        if (IsAdministrator)
        {
            if (Euros.TryParse(Input.UnitPrice, 999.99m, out var amount))
            {
                price = amount;
            }
            else
            {
                ModelState.AddModelError("Input.UnitPrice", "Saisissez le tarif en euros, par exemple 4,10 (deux décimales au plus, 999,99 € au plus).");
            }
            rule = RuleFields.ReadRule(ModelState, Input);
        }
        var enrolment = EnrolmentFields.Read(ModelState, Input.Enrolment);
        var eligible = await ReadTaxCreditEligibleAsync(service == default ? null : service.Id, ct);
        var reminder = ReadReminder();
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new Values(label, site!.Id, service.Id, start, end, days, capacity, sortOrder, price, rule, enrolment!, eligible, reminder);
    }

    /// <summary>Childcare may be declared for the tax credit; meals never are (CGI art. 200 quater B).</summary>
    private async Task<bool> ReadTaxCreditEligibleAsync(int? serviceKindId, CancellationToken ct)
    {
        if (Input.TaxCreditEligible is not (null or "true"))
        {
            ModelState.AddModelError("Input.TaxCreditEligible", "Cochez la case ou laissez-la vide.");
            return false;
        }
        var eligible = Input.TaxCreditEligible == "true";
        if (eligible && serviceKindId is { } id && await db.ServiceKinds.AnyAsync(k => k.Id == id && k.IsCatering, ct))
        {
            ModelState.AddModelError("Input.TaxCreditEligible", "Une prestation de restauration scolaire n'est jamais éligible à l'attestation fiscale : seuls les frais de garde le sont.");
        }
        return eligible;
    }

    private BookingReminderSettings ReadReminder()
    {
        if (Input.ReminderEnabled is not (null or "true"))
        {
            ModelState.AddModelError("Input.ReminderEnabled", "Cochez la case ou laissez-la vide.");
        }
        var message = $"Le rappel part entre 1 et {BookingReminderSettings.MaxHoursBefore} heures avant la date limite, par exemple 24.";
        var hours = FormText.Number(ModelState, "Input.ReminderHours", Input.ReminderHours, 1, BookingReminderSettings.MaxHoursBefore, message)
            ?? BookingReminderSettings.DefaultHoursBefore;
        return new BookingReminderSettings { Enabled = Input.ReminderEnabled == "true", HoursBefore = hours };
    }

    private (TimeOnly? Start, TimeOnly? End) ReadTimes()
    {
        var start = FormText.Time(Input.StartTime);
        var end = FormText.Time(Input.EndTime);
        var hasStart = !string.IsNullOrWhiteSpace(Input.StartTime);
        var hasEnd = !string.IsNullOrWhiteSpace(Input.EndTime);
        if (hasStart && start is null)
        {
            ModelState.AddModelError("Input.StartTime", "Saisissez l'heure de début au format hh:mm, par exemple 16:05.");
        }
        if (hasEnd && end is null)
        {
            ModelState.AddModelError("Input.EndTime", "Saisissez l'heure de fin au format hh:mm, par exemple 17:05.");
        }
        if (hasStart != hasEnd)
        {
            ModelState.AddModelError(hasStart ? "Input.EndTime" : "Input.StartTime", "Indiquez l'heure de début et l'heure de fin, ou aucune des deux.");
        }
        else if (start is not null && end is not null && end <= start)
        {
            ModelState.AddModelError("Input.EndTime", "L'heure de fin doit être après l'heure de début.");
        }
        return (start, end);
    }

    private ActivityInput From(Activity activity)
    {
        var prefix = activity.Site?.Prefix ?? "";
        var input = new ActivityInput
        {
            Label = ActivityLabel.WordsOf(prefix, activity.Label),
            WithPrefix = ActivityLabel.HasPrefix(prefix, activity.Label),
            SiteId = FormText.Text(activity.SiteId),
            ServiceKindId = FormText.Text(activity.ServiceKindId),
            StartTime = FormText.Text(activity.StartTime),
            EndTime = FormText.Text(activity.EndTime),
            Days = [.. ServiceDaysText.Week.Where(d => (activity.Days & d.Day) != 0).Select(d => d.Day.ToString())],
            Capacity = FormText.Text(activity.Capacity),
            SortOrder = FormText.Text(activity.SortOrder),
            TaxCreditEligible = activity.TaxCreditEligible ? "true" : null,
            ReminderEnabled = activity.BookingReminder.Enabled ? "true" : null,
            ReminderHours = FormText.Text(activity.BookingReminder.HoursBefore),
            Version = activity.Version,
            UnitPrice = Euros.Field(activity.UnitPrice),
            Enrolment = EnrolmentFields.ToInput(activity.Enrolment),
        };
        RuleFields.Fill(input, activity.Rule);
        SavedLabel = activity.Label;
        return input;
    }
}
