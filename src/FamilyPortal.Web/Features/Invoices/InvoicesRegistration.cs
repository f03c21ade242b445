namespace FamilyPortal.Web.Features.Invoices;

public static class InvoicesRegistration
{
    public static IServiceCollection AddPortalInvoices(this IServiceCollection services, IConfiguration configuration)
    {
        var fonts = configuration["Pdf:FontDirectory"] is { Length: > 0 } directory ? directory : PdfFonts.DefaultDirectory;
        services.AddSingleton(_ => new InvoicePdf(fonts));
        services.AddScoped<DocumentNumbers>();
        services.AddScoped<MonthPlanner>();
        services.AddScoped<InvoiceIssuer>();
        services.AddScoped<InvoiceEmails>();
        services.AddScoped<InvoiceLedger>();
        services.AddScoped<InvoiceDocuments>();
        services.AddScoped<LateCancellations>();
        return services;
    }
}
