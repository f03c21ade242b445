namespace FamilyPortal.Web.Features.Memberships;

/// <summary>
/// Model of the « Adhésion aux collectivités » panel, shown as the /adhesions page and as the dialog of
/// « Mes réservations ». <see cref="Code"/> names the field as the page model binds it.
/// </summary>
public sealed record AdhesionPanel(IReadOnlyList<MembershipChoice> Memberships, bool InDialog)
{
    public string? Code { get; init; }
}
