namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// A wrong code d'adhésion, kept for an hour so that every web instance counts the same failures. The
/// code itself is never stored.
/// </summary>
public class AdhesionAttempt
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    /// <summary>Null when the connection has no known address; then only the account counts.</summary>
    public string? IpAddress { get; set; }
    public DateTime AtUtc { get; set; }
}
