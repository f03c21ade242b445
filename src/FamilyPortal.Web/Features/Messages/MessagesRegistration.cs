namespace FamilyPortal.Web.Features.Messages;

public static class MessagesRegistration
{
    public static IServiceCollection AddPortalMessages(this IServiceCollection services)
    {
        services.AddScoped<Messaging>();
        services.AddScoped<MessagesEmails>();
        return services;
    }
}
