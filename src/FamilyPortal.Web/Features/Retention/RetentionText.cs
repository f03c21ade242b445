using System.Globalization;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>The periods of <see cref="RetentionOptions"/> in the words « Mentions légales » print.</summary>
public static class RetentionText
{
    public static string Months(int months) => months % 12 == 0 ? Years(months / 12) : Count(months, "mois", "mois");

    public static string Years(int years) => Count(years, "an", "ans");

    public static string Days(int days) => Count(days, "jour", "jours");

    private static string Count(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
