namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// « Rester connecté sur cet appareil »: a parent's browser that may start a session without the password for
/// 30 days after its last use. The cookie carries a random secret; the row keeps its SHA-256 only, so a copy
/// of the database opens no device. Never for staff accounts (their second factor is asked at each sign-in).
/// </summary>
public class RememberedDevice
{
    public Guid Id { get; set; }
    /// <summary>SHA-256 of the cookie's secret, in lowercase hex.</summary>
    public required string SecretHash { get; set; }
    public required string AccountId { get; set; }
    /// <summary>« Chrome sur Android », from the User-Agent when the device was remembered.</summary>
    public required string Label { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime LastUsedAtUtc { get; set; }
    /// <summary>30 days after the last use: each sign-in from the device moves it on.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
