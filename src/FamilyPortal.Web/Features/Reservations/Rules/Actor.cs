namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>Who asks: a parent is held to the règlement's opening, horizon and deadlines; staff are not.</summary>
public enum Actor
{
    Parent,
    Staff,
}
