namespace FamilyPortal.Web.Features.Families;

public static class FamiliesRegistration
{
    public static IServiceCollection AddPortalFamilies(this IServiceCollection services)
    {
        services.AddScoped<FamilyFiles>();
        services.AddScoped<FamilyFileReader>();
        services.AddScoped<FamilyFileChanges>();
        services.AddScoped<ChangePayloads>();
        services.AddScoped<FamilyChangeRequests>();
        services.AddScoped<ChangeRequestDecisions>();
        services.AddScoped<FileJournal>();
        services.AddScoped<FileConfirmations>();
        services.AddScoped<FileDashboard>();
        services.AddScoped<FamilyFileExport>();
        services.AddScoped<StaffFamilyExport>();
        services.AddScoped<AttendanceCare>();
        services.AddScoped<Import.FamilyImporter>();
        return services;
    }
}
