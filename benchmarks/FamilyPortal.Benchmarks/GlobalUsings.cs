// The portal's namespaces that most files of this project need.
global using FamilyPortal.Web.Data;
global using FamilyPortal.Web.Features.Accounts;
global using FamilyPortal.Web.Features.Activities;
global using FamilyPortal.Web.Features.Activities.Rules;
global using FamilyPortal.Web.Features.Calendar;
global using FamilyPortal.Web.Features.Calendar.Rules;
global using FamilyPortal.Web.Features.Enrolments.Rules;
global using FamilyPortal.Web.Features.Families;
global using FamilyPortal.Web.Features.Invoices;
global using FamilyPortal.Web.Features.Invoices.Rules;
global using FamilyPortal.Web.Features.Memberships;
global using FamilyPortal.Web.Features.Memberships.Rules;
global using FamilyPortal.Web.Features.Reservations;
global using FamilyPortal.Web.Features.Reservations.Rules;
global using FamilyPortal.Web.Infrastructure;
global using FamilyPortal.Web.Tenancy;
