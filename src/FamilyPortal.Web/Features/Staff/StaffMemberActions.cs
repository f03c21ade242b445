namespace FamilyPortal.Web.Features.Staff;

/// <summary>
/// The row buttons of a staff account (« Équipe » and the operator's page of a collectivité): suspend or
/// reactivate, change the role, remove. Each is a form of its own that posts to the page it is shown on.
/// </summary>
/// <param name="ChangeRole">Whether the role can go both ways here (« Équipe »), or only down (the operator's page lists administrators).</param>
public sealed record StaffMemberActions(string AccountId, string Login, bool IsAdministrator, bool Suspended, bool ChangeRole);
