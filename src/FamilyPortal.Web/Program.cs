using FamilyPortal.Web.Adhesions;
using FamilyPortal.Web.Billing;
using FamilyPortal.Web.Administration;
using FamilyPortal.Web.Captcha;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Email;
using FamilyPortal.Web.Infrastructure;
using FamilyPortal.Web.News;
using FamilyPortal.Web.Reservations;

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
