namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>The eleven public holidays of metropolitan France (Code du travail, art. L3133-1).</summary>
public static class FrenchPublicHolidays
{
    // Asked for every cell of every grid: each year's list is computed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<(DateOnly Date, string Name)>> Years = new();

    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year) => Years.GetOrAdd(year, Compute);

    private static IReadOnlyList<(DateOnly Date, string Name)> Compute(int year)
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

    public static bool IsHoliday(DateOnly day) => Of(day.Year).Any(h => h.Date == day);

    public static string? NameOf(DateOnly day) => Of(day.Year).FirstOrDefault(h => h.Date == day).Name;

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
