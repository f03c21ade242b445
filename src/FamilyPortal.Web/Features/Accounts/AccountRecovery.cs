using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// « Mot de passe oublié » and « Identifiant oublié ». Known and unknown inputs get the same answer in
/// the same time: every request is padded to a fixed floor, so neither the wording nor the delay tells
/// whether an account exists.
/// </summary>
public sealed class AccountRecovery(
    FamilyPortalDbContext db,
    UserManager<PortalAccount> users,
    AccountEmails emails,
    IConfiguration configuration,
    ILogger<AccountRecovery> logger)
{
    private TimeSpan ResponseFloor => TimeSpan.FromMilliseconds(configuration.GetValue("Security:RecoveryResponseFloorMs", 400));

    public async Task RequestPasswordResetAsync(string login, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var normalizedName = users.NormalizeName(login);
        var email = ContactDetails.NormalizeEmail(login);
        var accounts = await db.Users
            .Where(u => u.NormalizedUserName == normalizedName || (email != null && u.Email == email))
            .Take(10)
            .ToListAsync(ct);
        foreach (var account in accounts.Where(a => a.Email is not null))
        {
            emails.PasswordReset(account, await users.GeneratePasswordResetTokenAsync(account));
        }
        await db.SaveChangesAsync(ct);
        if (accounts.Count > 0)
        {
            logger.LogInformation("Réinitialisation demandée pour {Count} compte(s)", accounts.Count);
        }
        await PadAsync(started, ct);
    }

    public async Task SendIdentifiantsAsync(string email, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var identifiants = await db.Users.Where(u => u.Email == email).OrderBy(u => u.UserName)
            .Select(u => u.UserName!).Take(20).ToListAsync(ct);
        if (identifiants.Count > 0)
        {
            emails.Identifiants(email, identifiants);
            await db.SaveChangesAsync(ct);
        }
        await PadAsync(started, ct);
    }

    private async Task PadAsync(long started, CancellationToken ct)
    {
        var remaining = ResponseFloor - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, ct);
        }
    }
}
