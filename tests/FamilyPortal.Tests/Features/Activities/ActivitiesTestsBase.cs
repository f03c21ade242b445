using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Activities;

/// <summary>What the tests of ActivitiesTests and ActivityAgentAndLifecycleTests share.</summary>
public abstract class ActivitiesTestsBase(AccountsFactory factory)
{
    protected AccountsFactory Factory { get; } = factory;

    protected const string NewUrl = "/admin/prestations/fiche";

    protected static string EditUrl(int activityId) => $"/admin/prestations/fiche/{activityId}";

    protected async Task<(TenantBuilder.Tenant Tenant, PageClient Staff)> SignInAsync(string role)
    {
        var tenant = await TenantBuilder.CreateAsync(Factory);
        var staff = await StaffJourney.SignInAsync(Factory, await StaffJourney.CreateAsync(Factory, tenant.MunicipalityId, role));
        return (tenant, staff);
    }

    protected async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = Factory.Scope();
        return await read(scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>());
    }

    protected Task<Activity> ActivityAsync(int id) =>
        ReadAsync(db => db.Activities.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));

    protected Task<int> ActivityCountAsync(int municipalityId) =>
        ReadAsync(db => db.Activities.IgnoreQueryFilters().CountAsync(a => a.MunicipalityId == municipalityId));

    protected static Dictionary<string, string?> NewActivity() => new()
    {
        ["Input.Label"] = "PERI SOIR - 16H05/17H05",
        ["Input.WithPrefix"] = "true",
        ["Input.StartTime"] = "16:05",
        ["Input.EndTime"] = "17:05",
        ["Input.Capacity"] = "",
        ["Input.SortOrder"] = "3",
        ["Input.UnitPrice"] = "1,80",
        ["Input.Booking.Kind"] = "DaysBefore",
        ["Input.Booking.Days"] = "7",
        ["Input.Booking.WorkingDays"] = null,
        ["Input.Booking.Time"] = "12:00",
        ["Input.Cancellation.Kind"] = "WeekdayOfPreviousWeek",
        ["Input.Cancellation.Weekday"] = "Thursday",
        ["Input.Cancellation.Time"] = "10:00",
        ["Input.OpensOn"] = "2026-08-24",
        ["Input.OpensAt"] = "08:00",
        ["Input.HorizonWeeks"] = "6",
    };

    protected async Task BookThreeChildrenAsync(TenantBuilder.Tenant tenant, DateOnly day)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        var family = await db.Families.IgnoreQueryFilters().SingleAsync(f => f.Id == tenant.FamilyId);
        var children = new List<Child> { await db.Children.IgnoreQueryFilters().SingleAsync(c => c.Id == tenant.ChildId) };
        foreach (var firstName in new[] { "Léa", "Hugo" })
        {
            var sibling = new Child { MunicipalityId = tenant.MunicipalityId, Family = family, FirstName = firstName, LastName = "MARTIN", SiteId = tenant.SiteId };
            db.Children.Add(sibling);
            children.Add(sibling);
        }
        await db.SaveChangesAsync();
        db.Bookings.AddRange(children.Select(c => new Booking { MunicipalityId = tenant.MunicipalityId, ChildId = c.Id, ActivityId = tenant.ActivityId, Date = day }));
        db.ActivityDayLoads.Add(new ActivityDayLoad { MunicipalityId = tenant.MunicipalityId, ActivityId = tenant.ActivityId, Date = day, Booked = children.Count });
        await db.SaveChangesAsync();
    }
}
