namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>The sub-navigation of « Mon dossier famille »: the family, each child, the supporting documents.</summary>
public sealed record FileNav(IReadOnlyList<(int Id, string Name)> Children, int? CurrentChildId, bool Documents = false);
