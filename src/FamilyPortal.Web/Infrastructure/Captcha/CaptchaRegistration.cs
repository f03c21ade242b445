namespace FamilyPortal.Web.Infrastructure.Captcha;

public static class CaptchaRegistration
{
    public static IServiceCollection AddPortalCaptcha(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CaptchaOptions>(configuration.GetSection(CaptchaOptions.Section));
        services.AddSingleton<CaptchaService>();
        services.AddSingleton<CaptchaImageRenderer>();
        services.AddSingleton<CaptchaAudioRenderer>();
        services.AddHostedService<CaptchaStartupCheck>();
        return services;
    }
}
