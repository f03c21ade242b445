using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>Says loudly at start-up when the captcha is off, and when the captcha font is missing.</summary>
internal sealed class CaptchaStartupCheck(
    IOptions<CaptchaOptions> options,
    CaptchaImageRenderer images,
    ILogger<CaptchaStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogWarning("Captcha désactivé : ne jamais utiliser en production");
        }
        else if (!string.Equals(images.ResolvedFontFamily, CaptchaImageRenderer.FontFamily, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Police {Font} introuvable pour le captcha (obtenu : {Resolved}) : installez fonts-dejavu-core et libfontconfig1",
                CaptchaImageRenderer.FontFamily, images.ResolvedFontFamily);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
