namespace FamilyPortal.Web.Features.Reminders.Rules;

/// <summary>When unpaid invoices are reminded: up to three reminders, each some days after the due date.</summary>
public static class ReminderSchedule
{
    public const int MaxLevels = 3;
    public const int MaxDays = 365;

    /// <summary>The days of the reminders that are set, in order (level 1 first); the ones after a missing one are ignored.</summary>
    public static IReadOnlyList<int> Days(int? first, int? second, int? third)
    {
        var days = new List<int>();
        foreach (var day in new[] { first, second, third })
        {
            if (day is not { } value)
            {
                break;
            }
            days.Add(value);
        }
        return days;
    }

    /// <summary>
    /// The reminder to send today, or null. Level n is due from <paramref name="dueDate"/> + days[n-1]. Only the
    /// highest level due is sent, and only when neither it nor a later one was: an invoice found late (reminders
    /// just switched on) gets one email, not three at once.
    /// </summary>
    public static int? LevelToSend(DateOnly dueDate, DateOnly today, IReadOnlyList<int> days, IReadOnlyCollection<int> sentLevels)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(sentLevels);
        int? due = null;
        for (var level = 1; level <= days.Count; level++)
        {
            if (today >= dueDate.AddDays(days[level - 1]))
            {
                due = level;
            }
        }
        return due is { } found && !sentLevels.Any(sent => sent >= found) ? found : null;
    }

    /// <summary>Days since the due date (0 on the due date, negative before).</summary>
    public static int AgeInDays(DateOnly dueDate, DateOnly today) => today.DayNumber - dueDate.DayNumber;

    /// <summary>The age brackets a Trésor public statement of debts uses.</summary>
    public static string Bracket(int age) => age switch
    {
        <= 0 => "non échue",
        <= 30 => "1 à 30 jours",
        <= 60 => "31 à 60 jours",
        <= 90 => "61 à 90 jours",
        <= 180 => "91 à 180 jours",
        _ => "plus de 180 jours",
    };

    /// <summary>The French message for wrong days; null when they are fine. Days must grow from one reminder to the next.</summary>
    public static (int Level, string Message)? Check(IReadOnlyList<int?> days, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (enabled && days[0] is null)
        {
            return (1, "Indiquez après combien de jours la première relance part (entre 1 et 365).");
        }
        int? previous = null;
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] is not { } value)
            {
                if (days.Skip(i + 1).Any(d => d is not null))
                {
                    return (i + 1, $"Indiquez la relance {i + 1} avant la relance {i + 2}.");
                }
                break;
            }
            if (value is < 1 or > MaxDays)
            {
                return (i + 1, $"Le délai de la relance {i + 1} est un nombre de jours entre 1 et {MaxDays}.");
            }
            if (previous is { } before && value <= before)
            {
                return (i + 1, $"La relance {i + 1} doit partir plus tard que la relance {i} (plus de {before} jours).");
            }
            previous = value;
        }
        return null;
    }
}
