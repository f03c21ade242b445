namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// A captcha waiting for its answer (table CaptchaChallenges). Platform-wide, not owned by a collectivité:
/// it is shown before anyone is signed in. Deleted when verified, whatever the outcome, or once expired.
/// </summary>
public class StoredCaptchaChallenge
{
    /// <summary>32 lowercase hex characters from a cryptographic source: unguessable, safe in a URL.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 (hex) of the id and the normalised answer; verification needs nothing else.</summary>
    public required string AnswerHash { get; set; }

    /// <summary>
    /// The answer and the drawing seed in a Data Protection envelope: the image and audio endpoints must
    /// draw the characters again, and a database copy alone does not reveal them.
    /// </summary>
    public required string ProtectedSecret { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
