using FamilyPortal.Web.Features.Dashboard;
using FamilyPortal.Web.Features.Retention;
using FamilyPortal.Web.Features.Staff;
using FamilyPortal.Web.Infrastructure.Captcha;
using FamilyPortal.Web.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services
    // Cross-cutting
    .AddPortalData(builder.Configuration, builder.Environment)
    .AddPortalTenancy()
    .AddPortalJournal()
    .AddPortalIdentity(builder.Configuration, builder.Environment)
    .AddPortalEmail(builder.Configuration)
    .AddPortalCaptcha(builder.Configuration)
    .AddPortalJobs(builder.Configuration)
    // Features
    .AddPortalAccounts()
    .AddPortalStaff()
    .AddPortalMemberships()
    .AddPortalCalendar()
    .AddPortalFamilies()
    .AddPortalReservations()
    .AddPortalEnrolments()
    .AddPortalDashboard()
    .AddPortalNews()
    .AddPortalInvoices(builder.Configuration)
    .AddPortalPayments(builder.Configuration)
    .AddPortalDirectDebit()
    .AddPortalAttestations(builder.Configuration)
    .AddPortalReminders()
    .AddPortalBookingReminders()
    .AddPortalDocuments()
    .AddPortalRetention(builder.Configuration)
    // Web host: pages, authorization, rate limits, headers
    .AddPortalWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync(args);
app.UsePortalPipeline();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
