using FamilyPortal.Web.Infrastructure.Observability;

namespace FamilyPortal.Web.Features.Accounts;

public static class AccountsRegistration
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        // One password thread per core by default; « SignIn:PasswordCheckThreads » for a machine shared with other work, or tests.
        services.AddSingleton(sp => new PasswordWork(
            sp.GetRequiredService<IConfiguration>().GetValue("SignIn:PasswordCheckThreads", Environment.ProcessorCount),
            sp.GetRequiredService<PortalMetrics>()));
        services.AddSingleton<SignInCheck>();
        services.AddScoped<SignInTickets>();
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
