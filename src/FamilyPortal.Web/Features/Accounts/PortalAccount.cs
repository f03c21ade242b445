using Microsoft.AspNetCore.Identity;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// A login of the platform (« compte »). Parents hold one for every collectivité they join;
/// town-hall staff hold one tied to their collectivité; the operator holds one with no collectivité.
/// </summary>
public class PortalAccount : IdentityUser
{
    public string HouseholdName { get; set; } = "";
    public string? Civility { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    /// <summary>« E-mail », the one channel the portal offers (older rows said « SMS », which nothing ever sent).</summary>
    public string NotificationChannel { get; set; } = "E-mail";
    /// <summary>« Ne plus recevoir les rappels avant la date limite de réservation », chosen in « Mon compte ».</summary>
    public bool BookingRemindersDeclined { get; set; }
    public string? SecondaryPhone { get; set; }
    public string? SecondaryEmail { get; set; }
    public string? SecretQuestion { get; set; }
    /// <summary>Hash of the normalised secret answer; the answer itself is never stored.</summary>
    public string? SecretAnswerHash { get; set; }
    /// <summary>For town-hall staff only: the collectivité they work for.</summary>
    public int? StaffMunicipalityId { get; set; }
    /// <summary>
    /// For parents: the collectivité they chose to work on. Honoured only while a membership in it exists.
    /// </summary>
    public int? SelectedMunicipalityId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>
    /// For staff: the time step (30 s since 1970) of the last authenticator code accepted. A code of that step
    /// or an earlier one is refused, so a code seen over a shoulder cannot be used a second time.
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
    /// <summary>
    /// For staff: set while an administrator (or the operator) has suspended the account. A suspended account
    /// has no session, cannot sign in and its invitation link does not work; null means active.
    /// </summary>
    public DateTime? SuspendedAtUtc { get; set; }
    /// <summary>The last sign-in (null: none since this was recorded): the start of the inactivity period of retention.</summary>
    public DateTime? LastSignInAtUtc { get; set; }
    /// <summary>When the account was told it would be deleted for inactivity; cleared by the next sign-in.</summary>
    public DateTime? InactivityWarnedAtUtc { get; set; }
}
