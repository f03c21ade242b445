namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// A signed-in browser. The auth cookie only names its session: deleting the row signs that browser out
/// at its next request, whatever the cookie says (sign-out, password reset, account deletion).
/// </summary>
public class AccountSession
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The absolute end of the session (12 hours after sign-in), whatever the activity.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
