namespace FamilyPortal.Web.Features.Accounts;

/// <summary>What a suspended staff account is told (see <c>Features/Staff/StaffMembers</c>).</summary>
public static class StaffSuspension
{
    public const string SignInRefused = "Votre compte est suspendu : adressez-vous à un administrateur de votre collectivité.";
}
