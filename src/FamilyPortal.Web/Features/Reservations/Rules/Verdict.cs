namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// The answer of <see cref="BookingVerdict"/>: allowed or not, why, and the French words the pages show.
/// Staff passing over a parent's rule get an allowed verdict that keeps the rule's reason (a cancellation
/// past the deadline is allowed to staff, and billed unless justified).
/// </summary>
public sealed record Verdict(bool Allowed, VerdictReason Reason, string? Message)
{
    public static readonly Verdict Yes = new(true, VerdictReason.None, null);

    public static readonly Verdict AlreadyBooked = Refuse(VerdictReason.AlreadyBooked, "déjà réservé");

    public static readonly Verdict NothingToCancel = Refuse(VerdictReason.NothingToCancel, "aucune réservation à annuler");

    public static readonly Verdict Full = Refuse(VerdictReason.Full, "complet");

    public static readonly Verdict NotEnrolled = Refuse(VerdictReason.NotEnrolled, "inscription requise : inscrivez d'abord l'enfant à cette activité (« Inscriptions »)");

    public static readonly Verdict FileToConfirm = Refuse(VerdictReason.FileToConfirm, "dossier famille à confirmer : vérifiez-le puis confirmez-le dans « Mon dossier famille »");

    public static readonly Verdict OutsideSchoolYear = Refuse(VerdictReason.OutsideSchoolYear, "hors année scolaire");

    public static Verdict Refuse(VerdictReason reason, string message) => new(false, reason, message);

    /// <summary>The activity is not offered to the child, worded for whoever asked.</summary>
    public static Verdict NotOffered(Actor actor) => Refuse(VerdictReason.NotOffered, actor == Actor.Staff
        ? "Cette prestation n'est pas proposée sur le site de l'enfant."
        : "prestation non accessible à cet enfant");

    /// <summary>Staff act where the règlement would refuse a parent.</summary>
    public Verdict PassedOverByStaff() => this with { Allowed = true };

    /// <summary>« ... » in the grid: a closure, a public holiday, a weekday the activity does not run.</summary>
    public bool ClosesTheDay => Reason is VerdictReason.PublicHoliday or VerdictReason.Closure or VerdictReason.NotServed;

    /// <summary>No service at all that day, not even for staff (« fermé » on the tableau de bord).</summary>
    public bool DayDoesNotRun => ClosesTheDay || Reason == VerdictReason.OutsideSchoolYear;
}
