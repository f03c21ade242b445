namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>
/// The public holidays a collectivité keeps: those of metropolitan France, plus the local ones of
/// Alsace-Moselle or of an overseas department.
/// </summary>
public enum HolidayCalendar
{
    Metropole,
    AlsaceMoselle,
    Guadeloupe,
    Martinique,
    Guyane,
    LaReunion,
    Mayotte,
}

public static class HolidayCalendars
{
    public static IReadOnlyList<HolidayCalendar> All { get; } = Enum.GetValues<HolidayCalendar>();

    public static string Label(HolidayCalendar calendar) => calendar switch
    {
        HolidayCalendar.Metropole => "Métropole",
        HolidayCalendar.AlsaceMoselle => "Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle)",
        HolidayCalendar.Guadeloupe => "Guadeloupe",
        HolidayCalendar.Martinique => "Martinique",
        HolidayCalendar.Guyane => "Guyane",
        HolidayCalendar.LaReunion => "La Réunion",
        HolidayCalendar.Mayotte => "Mayotte",
        _ => throw new ArgumentOutOfRangeException(nameof(calendar)),
    };

    /// <summary>A value posted by a form (the enum's name), or null when it names no calendar.</summary>
    public static HolidayCalendar? Parse(string? text) =>
        All.Cast<HolidayCalendar?>().FirstOrDefault(c => string.Equals(c.ToString(), text?.Trim(), StringComparison.Ordinal));
}
