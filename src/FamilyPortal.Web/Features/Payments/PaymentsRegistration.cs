namespace FamilyPortal.Web.Features.Payments;

public static class PaymentsRegistration
{
    public static IServiceCollection AddPortalPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PayFipOptions>(configuration.GetSection(PayFipOptions.SectionName));
        services.AddHttpClient<IOnlinePaymentProvider, PayFipClient>();
        services.AddScoped<OnlinePaymentStart>();
        services.AddScoped<OnlinePaymentOutcome>();
        services.AddScoped<PaymentEmails>();
        services.AddScoped<OnlinePaymentOffer>();
        return services;
    }
}
