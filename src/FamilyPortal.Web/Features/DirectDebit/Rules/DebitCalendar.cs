namespace FamilyPortal.Web.Features.DirectDebit.Rules;

/// <summary>
/// When a debit may be collected. Banks settle SEPA debits on TARGET business days only (not Saturdays, Sundays,
/// 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December). SEPA Core asks the creditor's bank to receive
/// every collection (first or recurrent) one business day before the due date, and banks want the file a day
/// before that: so the collection date must be at least <see cref="MinimumBusinessDays"/> business days after the
/// day the file is made, whatever its sequence.
/// </summary>
public static class DebitCalendar
{
    public const int MinimumBusinessDays = 3;

    public static bool IsBusinessDay(DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }
        var easter = FrenchPublicHolidays.EasterSunday(day.Year);
        return !(day == new DateOnly(day.Year, 1, 1) || day == easter.AddDays(-2) || day == easter.AddDays(1)
            || day == new DateOnly(day.Year, 5, 1) || day == new DateOnly(day.Year, 12, 25) || day == new DateOnly(day.Year, 12, 26));
    }

    /// <summary>The first date a file made on <paramref name="today"/> may ask for.</summary>
    public static DateOnly EarliestCollection(DateOnly today)
    {
        var day = today;
        for (var counted = 0; counted < MinimumBusinessDays;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                counted++;
            }
        }
        return day;
    }

    /// <summary>Null when the date may be asked for, else the French reason.</summary>
    public static string? Refusal(DateOnly collection, DateOnly today)
    {
        var earliest = EarliestCollection(today);
        if (collection < earliest)
        {
            return $"La date de prélèvement doit être au moins {MinimumBusinessDays} jours ouvrés bancaires après aujourd'hui : le {earliest:dd/MM/yyyy} au plus tôt.";
        }
        if (!IsBusinessDay(collection))
        {
            return "Les banques ne prélèvent pas ce jour-là (week-end ou jour férié bancaire) : choisissez un jour ouvré.";
        }
        return collection > today.AddYears(1) ? "La date de prélèvement doit être dans l'année qui vient." : null;
    }
}
