namespace FamilyPortal.Tests.Features.Calendar;

/// <summary>
/// The public holidays of each calendar for 2020–2035, against the official list written here as data: the
/// moving days come from the published table of Gregorian Easter Sundays (not from the portal's computus),
/// Lundi de Pâques the day after, Ascension 39 days and Lundi de Pentecôte 50 days after, Vendredi saint
/// 2 days before; the fixed days from the Code du travail (art. L3133-1, L3134-13, L3422-2).
/// Easter Sundays (dd/MM):
/// 2020: 12/04, 2021: 04/04, 2022: 17/04, 2023: 09/04, 2024: 31/03, 2025: 20/04, 2026: 05/04, 2027: 28/03
/// 2028: 16/04, 2029: 01/04, 2030: 21/04, 2031: 13/04, 2032: 28/03, 2033: 17/04, 2034: 09/04, 2035: 25/03.
/// </summary>
public class PublicHolidayCalendarTests
{
    /// <summary>The eleven days of metropolitan France (dd/MM), in date order.</summary>
    private static readonly Dictionary<int, string> Metropole = new()
    {
        [2020] = "01/01 13/04 01/05 08/05 21/05 01/06 14/07 15/08 01/11 11/11 25/12",
        [2021] = "01/01 05/04 01/05 08/05 13/05 24/05 14/07 15/08 01/11 11/11 25/12",
        [2022] = "01/01 18/04 01/05 08/05 26/05 06/06 14/07 15/08 01/11 11/11 25/12",
        [2023] = "01/01 10/04 01/05 08/05 18/05 29/05 14/07 15/08 01/11 11/11 25/12",
        [2024] = "01/01 01/04 01/05 08/05 09/05 20/05 14/07 15/08 01/11 11/11 25/12",
        [2025] = "01/01 21/04 01/05 08/05 29/05 09/06 14/07 15/08 01/11 11/11 25/12",
        [2026] = "01/01 06/04 01/05 08/05 14/05 25/05 14/07 15/08 01/11 11/11 25/12",
        [2027] = "01/01 29/03 01/05 06/05 08/05 17/05 14/07 15/08 01/11 11/11 25/12",
        [2028] = "01/01 17/04 01/05 08/05 25/05 05/06 14/07 15/08 01/11 11/11 25/12",
        [2029] = "01/01 02/04 01/05 08/05 10/05 21/05 14/07 15/08 01/11 11/11 25/12",
        [2030] = "01/01 22/04 01/05 08/05 30/05 10/06 14/07 15/08 01/11 11/11 25/12",
        [2031] = "01/01 14/04 01/05 08/05 22/05 02/06 14/07 15/08 01/11 11/11 25/12",
        [2032] = "01/01 29/03 01/05 06/05 08/05 17/05 14/07 15/08 01/11 11/11 25/12",
        [2033] = "01/01 18/04 01/05 08/05 26/05 06/06 14/07 15/08 01/11 11/11 25/12",
        [2034] = "01/01 10/04 01/05 08/05 18/05 29/05 14/07 15/08 01/11 11/11 25/12",
        [2035] = "01/01 26/03 01/05 03/05 08/05 14/05 14/07 15/08 01/11 11/11 25/12",
    };

    /// <summary>Alsace-Moselle adds Vendredi saint and 26 décembre.</summary>
    private static readonly Dictionary<int, string> AlsaceMoselle = new()
    {
        [2020] = "10/04 26/12",
        [2021] = "02/04 26/12",
        [2022] = "15/04 26/12",
        [2023] = "07/04 26/12",
        [2024] = "29/03 26/12",
        [2025] = "18/04 26/12",
        [2026] = "03/04 26/12",
        [2027] = "26/03 26/12",
        [2028] = "14/04 26/12",
        [2029] = "30/03 26/12",
        [2030] = "19/04 26/12",
        [2031] = "11/04 26/12",
        [2032] = "26/03 26/12",
        [2033] = "15/04 26/12",
        [2034] = "07/04 26/12",
        [2035] = "23/03 26/12",
    };

    // Each overseas department adds its day commemorating the abolition of slavery.
    private static readonly Dictionary<int, string> Guadeloupe = new()
    {
        [2020] = "27/05",
        [2021] = "27/05",
        [2022] = "27/05",
        [2023] = "27/05",
        [2024] = "27/05",
        [2025] = "27/05",
        [2026] = "27/05",
        [2027] = "27/05",
        [2028] = "27/05",
        [2029] = "27/05",
        [2030] = "27/05",
        [2031] = "27/05",
        [2032] = "27/05",
        [2033] = "27/05",
        [2034] = "27/05",
        [2035] = "27/05",
    };

    private static readonly Dictionary<int, string> Martinique = new()
    {
        [2020] = "22/05",
        [2021] = "22/05",
        [2022] = "22/05",
        [2023] = "22/05",
        [2024] = "22/05",
        [2025] = "22/05",
        [2026] = "22/05",
        [2027] = "22/05",
        [2028] = "22/05",
        [2029] = "22/05",
        [2030] = "22/05",
        [2031] = "22/05",
        [2032] = "22/05",
        [2033] = "22/05",
        [2034] = "22/05",
        [2035] = "22/05",
    };

    private static readonly Dictionary<int, string> Guyane = new()
    {
        [2020] = "10/06",
        [2021] = "10/06",
        [2022] = "10/06",
        [2023] = "10/06",
        [2024] = "10/06",
        [2025] = "10/06",
        [2026] = "10/06",
        [2027] = "10/06",
        [2028] = "10/06",
        [2029] = "10/06",
        [2030] = "10/06",
        [2031] = "10/06",
        [2032] = "10/06",
        [2033] = "10/06",
        [2034] = "10/06",
        [2035] = "10/06",
    };

    private static readonly Dictionary<int, string> LaReunion = new()
    {
        [2020] = "20/12",
        [2021] = "20/12",
        [2022] = "20/12",
        [2023] = "20/12",
        [2024] = "20/12",
        [2025] = "20/12",
        [2026] = "20/12",
        [2027] = "20/12",
        [2028] = "20/12",
        [2029] = "20/12",
        [2030] = "20/12",
        [2031] = "20/12",
        [2032] = "20/12",
        [2033] = "20/12",
        [2034] = "20/12",
        [2035] = "20/12",
    };

    private static readonly Dictionary<int, string> Mayotte = new()
    {
        [2020] = "27/04",
        [2021] = "27/04",
        [2022] = "27/04",
        [2023] = "27/04",
        [2024] = "27/04",
        [2025] = "27/04",
        [2026] = "27/04",
        [2027] = "27/04",
        [2028] = "27/04",
        [2029] = "27/04",
        [2030] = "27/04",
        [2031] = "27/04",
        [2032] = "27/04",
        [2033] = "27/04",
        [2034] = "27/04",
        [2035] = "27/04",
    };

    public static TheoryData<HolidayCalendar, int> EveryCalendarAndYear()
    {
        var data = new TheoryData<HolidayCalendar, int>();
        foreach (var calendar in Enum.GetValues<HolidayCalendar>())
        {
            for (var year = 2020; year <= 2035; year++)
            {
                data.Add(calendar, year);
            }
        }
        return data;
    }

    private static Dictionary<int, string>? Additions(HolidayCalendar calendar) => calendar switch
    {
        HolidayCalendar.Metropole => null,
        HolidayCalendar.AlsaceMoselle => AlsaceMoselle,
        HolidayCalendar.Guadeloupe => Guadeloupe,
        HolidayCalendar.Martinique => Martinique,
        HolidayCalendar.Guyane => Guyane,
        HolidayCalendar.LaReunion => LaReunion,
        HolidayCalendar.Mayotte => Mayotte,
        _ => throw new ArgumentOutOfRangeException(nameof(calendar)),
    };

    private static IEnumerable<DateOnly> Days(int year, string text) =>
        text.Split(' ').Select(d => DateOnly.ParseExact($"{d}/{year}", "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [MemberData(nameof(EveryCalendarAndYear))]
    public void The_rule_gives_exactly_the_official_public_holidays(HolidayCalendar calendar, int year)
    {
        var expected = Days(year, Metropole[year])
            .Concat(Additions(calendar) is { } added ? Days(year, added[year]) : [])
            .Distinct().Order().ToList();

        Assert.Equal(expected, FrenchPublicHolidays.Of(year, calendar).Select(h => h.Date).ToList());
    }

    [Fact]
    public void The_local_days_carry_their_names()
    {
        Assert.Equal("Vendredi saint", FrenchPublicHolidays.NameOf(new DateOnly(2027, 3, 26), HolidayCalendar.AlsaceMoselle));
        Assert.Equal("Saint-Étienne", FrenchPublicHolidays.NameOf(new DateOnly(2027, 12, 26), HolidayCalendar.AlsaceMoselle));
        Assert.Equal("Abolition de l'esclavage", FrenchPublicHolidays.NameOf(new DateOnly(2027, 4, 27), HolidayCalendar.Mayotte));
        Assert.Null(FrenchPublicHolidays.NameOf(new DateOnly(2027, 3, 26), HolidayCalendar.Metropole));
        Assert.Null(FrenchPublicHolidays.NameOf(new DateOnly(2027, 4, 27), HolidayCalendar.Guadeloupe));
    }

    [Fact]
    public void A_local_day_on_a_moving_holiday_is_one_day_with_both_names()
    {
        // 10/06/2030 is Lundi de Pentecôte; 22/05/2031 is Ascension.
        Assert.Equal("Lundi de Pentecôte et Abolition de l'esclavage", FrenchPublicHolidays.NameOf(new DateOnly(2030, 6, 10), HolidayCalendar.Guyane));
        Assert.Equal("Ascension et Abolition de l'esclavage", FrenchPublicHolidays.NameOf(new DateOnly(2031, 5, 22), HolidayCalendar.Martinique));
        Assert.Equal(11, FrenchPublicHolidays.Of(2031, HolidayCalendar.Martinique).Count);
    }
}
