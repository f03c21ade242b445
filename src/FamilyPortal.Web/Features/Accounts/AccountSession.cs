namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// A signed-in browser. The auth cookie only names its session: deleting the row signs that browser out
/// at its next request, whatever the cookie says (sign-out, password reset, account deletion). The row keeps
/// a hash of the session id, never the id itself: a copy of the database names no session a cookie could carry.
/// </summary>
public class AccountSession
{
    /// <summary>SHA-256 of the session id, in lowercase hex (see <c>AccountSessions.HashOf</c>).</summary>
    public required string IdHash { get; set; }
    public required string AccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The absolute end of the session (12 hours after sign-in), whatever the activity.</summary>
    public DateTime ExpiresAtUtc { get; set; }
    /// <summary>The remembered device that started this session without a password, if one did: forgetting it ends the session.</summary>
    public Guid? DeviceId { get; set; }
}
