using Microsoft.Extensions.Options;
using MimeKit;

namespace FamilyPortal.Web.Email;

public static class EmailRegistration
{
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Smtp:From doit être une adresse valide.")
            .Validate(o => !o.IsConfigured || o.Port is > 0 and <= 65535, "Smtp:Port doit être compris entre 1 et 65535.")
            .Validate(o => !o.IsConfigured || string.IsNullOrEmpty(o.UserName) || o.Security != SmtpSecurity.None,
                "Smtp:UserName exige Smtp:Security StartTls ou SslOnConnect : un mot de passe ne circule jamais en clair.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.PickupDirectory), "Email:PickupDirectory est obligatoire.")
            .ValidateOnStart();
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.Section))
            .Validate(o => PublicLinks.IsValidBaseUrl(o.PublicBaseUrl), "App:PublicBaseUrl doit être une adresse absolue http(s).")
            .ValidateOnStart();

        services.AddSingleton<PublicLinks>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<OutboxMimeBuilder>();
        services.AddSingleton<DevMailbox>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailDispatcher>();
        services.AddScoped<IEmailTransport>(provider =>
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<SmtpEmailTransport>(provider)
                : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(provider));

        if (configuration.GetValue($"{EmailOptions.Section}:{nameof(EmailOptions.DispatcherEnabled)}", true))
        {
            services.AddHostedService<EmailDispatcherService>();
        }
        return services;
    }
}
