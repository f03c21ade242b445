using FamilyPortal.Web.Infrastructure.Captcha;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services
    .AddPortalData(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Configuration, builder.Environment)
    .AddPortalEmail(builder.Configuration)
    .AddPortalCaptcha(builder.Configuration)
    .AddPortalAdhesions()
    .AddPortalReservations()
    .AddPortalAdministration()
    .AddPortalNews()
    .AddPortalBilling(builder.Configuration)
    .AddPortalWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync(args);
app.UsePortalPipeline();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
