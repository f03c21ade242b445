namespace FamilyPortal.Web.Features.Accounts;

public static class AccountsRegistration
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddSingleton<PasswordWork>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<RememberedDevices>();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<AccountRecovery>();
        services.AddScoped<AccountDataExport>();
        services.AddScoped<AuthenticatorCheck>();
        return services;
    }
}
