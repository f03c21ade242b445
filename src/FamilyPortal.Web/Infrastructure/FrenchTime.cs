namespace FamilyPortal.Web.Infrastructure;

/// <summary>Europe/Paris: every deadline and every time shown to a person.</summary>
public static class FrenchTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
