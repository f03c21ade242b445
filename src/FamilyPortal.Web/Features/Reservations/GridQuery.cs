using System.Globalization;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>What the grid shows, as carried by the address and by the hidden fields of its forms.</summary>
public sealed record GridQuery(int? Enfant, string? Service, int? Annee, DateOnly? Semaine, bool Periode)
{
    /// <summary>Weeks shown by « Réserver en Vue Période ».</summary>
    public const int PeriodWeeks = 4;

    public int WeekCount => Periode ? PeriodWeeks : 1;

    public string Url(DateOnly? monday = null, bool? periode = null) =>
        "/reservations" + QueryString.Create(new Dictionary<string, string?>
        {
            ["enfant"] = Enfant?.ToString(CultureInfo.InvariantCulture),
            ["service"] = Service,
            ["annee"] = Annee?.ToString(CultureInfo.InvariantCulture),
            ["semaine"] = (monday ?? Semaine)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["vue"] = (periode ?? Periode) ? "periode" : null,
        }.Where(p => p.Value is not null));

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 2100
            ? Deadline.MondayOf(day)
            : null;
}
