namespace FamilyPortal.Web.Tenancy;

/// <summary>A collectivité: one tenant of the portal.</summary>
public class Municipality
{
    public const string DefaultTimeZone = ParisClock.ZoneId;
    public const int DefaultMaxAccountsPerFamily = 2;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public required string ContactEmail { get; set; }
    public string? PostalAddress { get; set; }
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public int MaxAccountsPerFamily { get; set; } = DefaultMaxAccountsPerFamily;
    public DateTime CreatedAtUtc { get; set; }
}
