using System.Globalization;

namespace FamilyPortal.Web.Features.BookingReminders.Rules;

/// <summary>One line of a family's reminder: a child, an activity and the week's cut-off (Paris time).</summary>
public sealed record ReminderLine(string ChildFirstName, string ActivityLabel, DateTime CutoffParis);

/// <summary>The words of the reminder: « Pensez à réserver avant jeudi 12h », then a line per child and activity.</summary>
public static class BookingReminderText
{
    /// <summary>« jeudi 12h », « mercredi 9h30 ».</summary>
    public static string ShortCutoff(DateTime paris) => $"{FrenchDates.DayName(paris.DayOfWeek)} {Hour(paris)}";

    /// <summary>« jeudi 19 novembre 2026 à 12h ».</summary>
    public static string LongCutoff(DateTime paris) => $"{FrenchDates.Spelled(DateOnly.FromDateTime(paris))} à {Hour(paris)}";

    public static string Subject(IReadOnlyCollection<ReminderLine> lines, string municipalityName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return $"Pensez à réserver avant {ShortCutoff(lines.Min(l => l.CutoffParis))} – {municipalityName}";
    }

    public static IReadOnlyList<string> Paragraphs(IReadOnlyCollection<ReminderLine> lines, DateOnly weekStart)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var earliest = lines.Min(l => l.CutoffParis);
        var list = string.Join('\n', lines
            .OrderBy(l => l.CutoffParis).ThenBy(l => l.ChildFirstName, StringComparer.Ordinal).ThenBy(l => l.ActivityLabel, StringComparer.Ordinal)
            .Select(l => $"• {l.ChildFirstName} – {l.ActivityLabel} – avant le {LongCutoff(l.CutoffParis)}"));
        return
        [
            $"Pensez à réserver avant {ShortCutoff(earliest)} : rien n'est encore réservé pour la semaine du {FrenchDates.Numeric(weekStart)} au {FrenchDates.Numeric(weekStart.AddDays(6))}.",
            "Prestations encore sans réservation :\n" + list,
            "Après la date limite, la réservation n'est plus possible en ligne. Si vous n'avez besoin d'aucune de ces prestations cette semaine-là, ne tenez pas compte de ce message.",
            "Vous pouvez ne plus recevoir ces rappels dans « Mon compte ».",
        ];
    }

    private static string Hour(DateTime paris) => paris.Minute == 0
        ? paris.Hour.ToString(CultureInfo.InvariantCulture) + "h"
        : paris.ToString("H'h'mm", CultureInfo.InvariantCulture);
}
