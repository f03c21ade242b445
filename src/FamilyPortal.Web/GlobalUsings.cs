// The portal's own namespaces that most files need: cross-cutting concerns, and each feature's
// entities, services and rules. Page models' namespaces (…Admin, …MyAccount) stay explicit.
global using FamilyPortal.Web.Data;
global using FamilyPortal.Web.Email;
global using FamilyPortal.Web.Features.Accounts;
global using FamilyPortal.Web.Features.Accounts.Rules;
global using FamilyPortal.Web.Features.Activities;
global using FamilyPortal.Web.Features.Activities.Rules;
global using FamilyPortal.Web.Features.Calendar;
global using FamilyPortal.Web.Features.Calendar.Rules;
global using FamilyPortal.Web.Features.Documents;
global using FamilyPortal.Web.Features.Documents.Rules;
global using FamilyPortal.Web.Features.Enrolments;
global using FamilyPortal.Web.Features.Enrolments.Campaigns;
global using FamilyPortal.Web.Features.Enrolments.Rules;
global using FamilyPortal.Web.Features.Families;
global using FamilyPortal.Web.Features.Families.Import;
global using FamilyPortal.Web.Features.Invoices;
global using FamilyPortal.Web.Features.Invoices.Rules;
global using FamilyPortal.Web.Features.Memberships;
global using FamilyPortal.Web.Features.Memberships.Rules;
global using FamilyPortal.Web.Features.News;
global using FamilyPortal.Web.Features.News.Rules;
global using FamilyPortal.Web.Features.Reservations;
global using FamilyPortal.Web.Features.Reservations.Rules;
global using FamilyPortal.Web.Infrastructure;
global using FamilyPortal.Web.Journal;
global using FamilyPortal.Web.Tenancy;
