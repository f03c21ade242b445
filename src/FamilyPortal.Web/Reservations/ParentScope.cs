namespace FamilyPortal.Web.Reservations;

/// <summary>Who is booking: a parent account, in the collectivité it works on, for the family it joined there.</summary>
public sealed record ParentScope(int MunicipalityId, string AccountId, int FamilyId);
