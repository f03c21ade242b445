namespace FamilyPortal.Web.Features.Reservations;

/// <summary>Who is booking: a parent account, in the collectivité it works on, for the family it joined there.</summary>
public sealed record ParentScope(int MunicipalityId, string AccountId, int FamilyId)
{
    /// <summary>The parent's scope of the request, or null for staff, visitors and parents with no current collectivité.</summary>
    public static ParentScope? Of(CurrentMunicipality current) =>
        current is { IsParent: true, Id: { } municipality, FamilyId: { } familyId, AccountId: { } account }
            ? new ParentScope(municipality, account, familyId)
            : null;
}
