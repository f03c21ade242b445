namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// A sign-in whose password check waits in the queue (the waiting room). The browser holds the ticket's random
/// secret in a short-lived cookie; the row keeps its SHA-256, what was asked (never the password) and, once the
/// server holding the check has run it, its outcome: any server may then complete the sign-in, once.
/// </summary>
public class SignInTicket
{
    /// <summary>SHA-256 of the cookie's secret, in lowercase hex.</summary>
    public required string IdHash { get; set; }
    /// <summary>Null for an identifiant that names no account (its check is a dummy one, answered like a wrong password).</summary>
    public string? AccountId { get; set; }
    /// <summary>The identifiant as typed, given back to the form when the sign-in is refused.</summary>
    public required string Identifiant { get; set; }
    public string? ReturnUrl { get; set; }
    public bool RememberDevice { get; set; }
    /// <summary>Checks before this one in its server's queue when it arrived, and that queue's measured rate then.</summary>
    public int QueueAhead { get; set; }
    public double ChecksPerSecond { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public SignInOutcome Outcome { get; set; }
    public DateTime? CheckedAtUtc { get; set; }
}

public enum SignInOutcome
{
    Pending = 0,
    Accepted = 1,
    Refused = 2,
    Suspended = 3,
}
