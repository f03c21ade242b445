using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPortal.Web.Features.Activities.Admin;

/// <summary>The règlement of the activity form: shown from a <see cref="BookingRule"/>, read back with French errors.</summary>
public static class RuleFields
{
    public static DeadlineInput ToInput(Deadline deadline) => new()
    {
        Kind = deadline.Kind.ToString(),
        Days = FormText.Text(deadline.Days),
        WorkingDays = deadline.WorkingDays,
        Weekday = deadline.Weekday.ToString(),
        Time = FormText.Text(deadline.Time),
    };

    public static void Fill(ActivityInput input, BookingRule rule)
    {
        input.Booking = ToInput(rule.BookingDeadline);
        input.Cancellation = ToInput(rule.CancellationDeadline);
        if (rule.OpensAtUtc is { } opens)
        {
            var local = ParisClock.ToParis(opens);
            input.OpensOn = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            input.OpensAt = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        else
        {
            input.OpensOn = input.OpensAt = null;
        }
        input.HorizonWeeks = FormText.Text(rule.HorizonWeeks);
    }

    /// <summary>The règlement the administrator typed, or null with the errors added.</summary>
    public static BookingRule? ReadRule(ModelStateDictionary state, ActivityInput input)
    {
        var booking = ReadDeadline(state, "Input.Booking", input.Booking, "de réservation");
        var cancellation = ReadDeadline(state, "Input.Cancellation", input.Cancellation, "d'annulation");
        DateTime? opensAtUtc = null;
        if (!string.IsNullOrWhiteSpace(input.OpensOn) || !string.IsNullOrWhiteSpace(input.OpensAt))
        {
            var day = FormText.Date(input.OpensOn);
            var time = string.IsNullOrWhiteSpace(input.OpensAt) ? TimeOnly.MinValue : FormText.Time(input.OpensAt);
            if (day is null)
            {
                state.AddModelError("Input.OpensOn", "Saisissez la date d'ouverture des inscriptions au format jj/mm/aaaa, ou laissez vide.");
            }
            if (time is null)
            {
                state.AddModelError("Input.OpensAt", "Saisissez l'heure d'ouverture au format hh:mm, par exemple 08:00.");
            }
            if (day is not null && time is not null)
            {
                opensAtUtc = ParisClock.ToInstant(day.Value.ToDateTime(time.Value), ParisClock.Zone).UtcDateTime;
            }
        }
        var horizon = FormText.Number(state, "Input.HorizonWeeks", input.HorizonWeeks, 1, 104,
            "L'horizon est un nombre de semaines entre 1 et 104 ; laissez vide pour réserver jusqu'à la fin de l'année scolaire.");
        if (booking is null || cancellation is null)
        {
            return null;
        }
        return new BookingRule { BookingDeadline = booking, CancellationDeadline = cancellation, OpensAtUtc = opensAtUtc, HorizonWeeks = horizon };
    }

    private static Deadline? ReadDeadline(ModelStateDictionary state, string prefix, DeadlineInput input, string what)
    {
        var errors = state.ErrorCount;
        var time = FormText.Time(input.Time);
        if (time is null)
        {
            state.AddModelError($"{prefix}.Time", $"Saisissez l'heure limite {what} au format hh:mm, par exemple 10:00.");
        }
        Deadline? deadline = null;
        switch (input.Kind)
        {
            case nameof(DeadlineKind.DaysBefore):
                var days = FormText.Number(state, $"{prefix}.Days", input.Days, 0, 60, $"Le nombre de jours {what} est un nombre entre 0 et 60.");
                if (string.IsNullOrWhiteSpace(input.Days))
                {
                    state.AddModelError($"{prefix}.Days", $"Le nombre de jours {what} est un nombre entre 0 et 60.");
                }
                if (days is not null && time is not null)
                {
                    deadline = Deadline.DaysBeforeAt(days.Value, time.Value, input.WorkingDays);
                }
                break;
            case nameof(DeadlineKind.WeekdayOfPreviousWeek):
                if (!Enum.TryParse<DayOfWeek>(input.Weekday, out var weekday) || !Enum.IsDefined(weekday) || int.TryParse(input.Weekday, out _))
                {
                    state.AddModelError($"{prefix}.Weekday", $"Choisissez le jour de la semaine précédente du délai {what}.");
                }
                else if (time is not null)
                {
                    deadline = Deadline.PreviousWeekOn(weekday, time.Value);
                }
                break;
            default:
                state.AddModelError($"{prefix}.Kind", $"Choisissez comment s'exprime le délai {what}.");
                break;
        }
        return state.ErrorCount == errors ? deadline : null;
    }
}
