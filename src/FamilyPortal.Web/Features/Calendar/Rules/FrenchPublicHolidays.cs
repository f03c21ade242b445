namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>
/// The public holidays of a calendar, in date order: the eleven of metropolitan France (Code du travail,
/// art. L3133-1); in Alsace-Moselle also Vendredi saint and 26 décembre (art. L3134-13); in an overseas
/// department also its day commemorating the abolition of slavery (art. L3422-2, from the loi n° 83-550 of
/// 30 June 1983 and the décret n° 83-1003 of 23 November 1983).
/// </summary>
public static class FrenchPublicHolidays
{
    // Asked for every cell of every grid: each year's list is computed once per calendar.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, HolidayCalendar), IReadOnlyList<(DateOnly Date, string Name)>> Years = new();

    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year, HolidayCalendar calendar) =>
        Years.GetOrAdd((year, calendar), key => Compute(key.Item1, key.Item2));

    /// <summary>A local day that falls on a moving holiday (27 mai on Ascension…) is one day off with both names.</summary>
    private static IReadOnlyList<(DateOnly Date, string Name)> Compute(int year, HolidayCalendar calendar) =>
    [
        .. Metropolitan(year).Concat(Local(year, calendar))
            .GroupBy(h => h.Date, h => h.Name)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, string.Join(" et ", g))),
    ];

    private static IEnumerable<(DateOnly Date, string Name)> Local(int year, HolidayCalendar calendar) => calendar switch
    {
        HolidayCalendar.Metropole => [],
        HolidayCalendar.AlsaceMoselle => [(EasterSunday(year).AddDays(-2), "Vendredi saint"), (new DateOnly(year, 12, 26), "Saint-Étienne")],
        HolidayCalendar.Guadeloupe => [Abolition(year, 5, 27)],
        HolidayCalendar.Martinique => [Abolition(year, 5, 22)],
        HolidayCalendar.Guyane => [Abolition(year, 6, 10)],
        HolidayCalendar.LaReunion => [Abolition(year, 12, 20)],
        HolidayCalendar.Mayotte => [Abolition(year, 4, 27)],
        _ => throw new ArgumentOutOfRangeException(nameof(calendar)),
    };

    private static (DateOnly, string) Abolition(int year, int month, int day) => (new DateOnly(year, month, day), "Abolition de l'esclavage");

    private static IReadOnlyList<(DateOnly Date, string Name)> Metropolitan(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        ];
    }

    public static bool IsHoliday(DateOnly day, HolidayCalendar calendar) => NameOf(day, calendar) is not null;

    public static string? NameOf(DateOnly day, HolidayCalendar calendar) => Of(day.Year, calendar).FirstOrDefault(h => h.Date == day).Name;

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
