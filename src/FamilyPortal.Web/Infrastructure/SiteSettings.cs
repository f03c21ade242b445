namespace FamilyPortal.Web.Infrastructure;

/// <summary>Texts of the page shell that each installation may change in configuration (section « App »).</summary>
public static class SiteSettings
{
    public const string DefaultPlatformName = "Portail Famille";
    public const string DefaultContactEmail = "contact@portail-famille.fr";

    public static string PlatformName(this IConfiguration configuration) =>
        ValueOr(configuration["App:PlatformName"], DefaultPlatformName);

    /// <summary>Where parents report an accessibility problem or ask about their personal data.</summary>
    public static string ContactEmail(this IConfiguration configuration) =>
        ValueOr(configuration["App:ContactEmail"], DefaultContactEmail);

    private static string ValueOr(string? value, string fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
