namespace FamilyPortal.Web.Features.Attestations;

public static class AttestationsRegistration
{
    public static IServiceCollection AddPortalAttestations(this IServiceCollection services, IConfiguration configuration)
    {
        var fonts = configuration["Pdf:FontDirectory"] is { Length: > 0 } directory ? directory : PdfFonts.DefaultDirectory;
        services.AddSingleton(_ => new AttestationPdf(fonts));
        services.AddScoped<AttestationIssuer>();
        return services;
    }
}
