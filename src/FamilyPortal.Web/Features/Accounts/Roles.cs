namespace FamilyPortal.Web.Features.Accounts;

/// <summary>Role names of the portal. Parents have no role: an account alone is a parent.</summary>
public static class Roles
{
    public const string Operator = "Operateur";
    public const string Administrator = "Administrateur";
    public const string Agent = "Agent";
}
