namespace FamilyPortal.Web.Accounts;

/// <summary>What a suspended staff account is told (see <see cref="StaffMembers"/>).</summary>
public static class StaffSuspension
{
    public const string SignInRefused = "Votre compte est suspendu : adressez-vous à un administrateur de votre collectivité.";
}
