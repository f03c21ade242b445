using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// Issues captcha challenges and verifies answers. The answer stays on the server; each challenge can be
/// answered once, within <see cref="Lifetime"/>. Works in a DbContext of its own, so issuing or consuming
/// a challenge never saves nor depends on what the calling page has pending in its own unit of work.
/// </summary>
public sealed class CaptchaService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IDataProtectionProvider dataProtection,
    IOptions<CaptchaOptions> options,
    ILogger<CaptchaService> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("FamilyPortal.Captcha.v1");

    public bool Enabled => options.Value.Enabled;

    /// <summary>A new challenge for a form being shown. Expired challenges are swept at the same time.</summary>
    public async Task<CaptchaChallenge> IssueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!Enabled)
        {
            return new CaptchaChallenge(string.Empty, now + Lifetime);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        await db.CaptchaChallenges.Where(c => c.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var answer = CaptchaCode.Generate();
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var challenge = new StoredCaptchaChallenge
        {
            Id = id,
            AnswerHash = CaptchaCode.Hash(id, answer),
            ProtectedSecret = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{answer}:{seed}")),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Lifetime,
        };
        db.CaptchaChallenges.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        return new CaptchaChallenge(id, challenge.ExpiresAtUtc);
    }

    /// <summary>
    /// True when <paramref name="answer"/> matches the challenge (case and white space ignored). The
    /// challenge is consumed whatever the outcome, so it can never be tried twice: the page must issue a
    /// new one when it shows the form again. Always true when the captcha is switched off.
    /// </summary>
    public async Task<bool> VerifyAsync(string? challengeId, string? answer, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return true;
        }
        if (!IsWellFormedId(challengeId))
        {
            logger.LogInformation("Captcha refusé : identifiant absent ou mal formé");
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var stored = await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == challengeId)
            .Select(c => new { c.AnswerHash, c.ExpiresAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            logger.LogInformation("Captcha refusé : défi inconnu ou déjà utilisé");
            return false;
        }

        // Only the request whose delete removed the row may go on: two concurrent posts of the same
        // challenge get one chance between them.
        var consumed = await db.CaptchaChallenges.Where(c => c.Id == challengeId).ExecuteDeleteAsync(cancellationToken);
        if (consumed != 1)
        {
            logger.LogInformation("Captcha refusé : défi déjà utilisé");
            return false;
        }
        if (stored.ExpiresAtUtc <= time.GetUtcNow().UtcDateTime)
        {
            logger.LogInformation("Captcha refusé : défi expiré");
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(stored.AnswerHash);
        var given = Encoding.ASCII.GetBytes(CaptchaCode.Hash(challengeId, CaptchaCode.Normalize(answer)));
        var matches = CryptographicOperations.FixedTimeEquals(expected, given);
        if (!matches)
        {
            logger.LogInformation("Captcha refusé : réponse incorrecte");
        }
        return matches;
    }

    /// <summary>The characters and drawing seed of a live challenge, for the image and audio; null if unknown or expired.</summary>
    internal async Task<CaptchaSecret?> FindSecretAsync(string? challengeId, CancellationToken cancellationToken)
    {
        if (!Enabled || !IsWellFormedId(challengeId))
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var protectedSecret = await db.CaptchaChallenges.AsNoTracking()
            .Where(c => c.Id == challengeId && c.ExpiresAtUtc > now)
            .Select(c => c.ProtectedSecret)
            .FirstOrDefaultAsync(cancellationToken);
        if (protectedSecret is null)
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(protectedSecret).Split(':');
            return new CaptchaSecret(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (CryptographicException ex)
        {
            // The key ring lost the key that sealed it: the page will simply offer a new image.
            logger.LogWarning(ex, "Captcha illisible : clé de protection introuvable");
            return null;
        }
    }

    private static bool IsWellFormedId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}

/// <summary>What the image and audio renderers need; never logged nor sent as text.</summary>
internal sealed record CaptchaSecret(string Answer, int Seed);
