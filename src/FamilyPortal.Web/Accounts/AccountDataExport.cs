using System.Text.Json;
using FamilyPortal.Web.Data;

namespace FamilyPortal.Web.Accounts;

/// <summary>« Télécharger mes données » (RGPD, right of access and portability): what the portal holds about the account.</summary>
public sealed class AccountDataExport(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public Task<byte[]> ExportAsync(PortalAccount account, CancellationToken ct)
    {
        _ = ct;
        var data = new
        {
            exporteLe = time.GetUtcNow(),
            compte = new
            {
                identifiant = account.UserName,
                nomDuFoyer = account.HouseholdName,
                civilite = account.Civility,
                nom = account.LastName,
                prenom = account.FirstName,
                notification = account.NotificationChannel,
                telephonePrincipal = account.PhoneNumber,
                telephoneSecondaire = account.SecondaryPhone,
                emailPrincipal = account.Email,
                emailConfirme = account.EmailConfirmed,
                emailSecondaire = account.SecondaryEmail,
                questionSecrete = account.SecretQuestion,
                creeLe = account.CreatedAtUtc,
            },
            adhesions = Array.Empty<object>(),
            reservations = Array.Empty<object>(),
        };
        return Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(data, Json));
    }
}
