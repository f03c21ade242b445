using System.Globalization;

namespace FamilyPortal.Web.Features.Calendar.Rules;

/// <summary>Dates as the French pages and emails write them.</summary>
public static class FrenchDates
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    /// <summary>« L », « M », « M », « J », « V » as the guide's grid heads its columns.</summary>
    public static string Initial(DayOfWeek day) => char.ToUpper(DayName(day)[0], Culture).ToString();

    public static string Numeric(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Spelled(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>ISO 8601 week number, as in « Semaine 8 du 20/02/2017 au 24/02/2017 ».</summary>
    public static int IsoWeek(DateOnly day) => ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue));
}
